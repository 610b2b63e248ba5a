package com.crowdledger.it.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.AllAtOnce;
import com.crowdledger.it.ApiClient;
import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.TestAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook endpoints through the API: their life, their validation, who sees them, and the event-type catalog. */
class WebhookEndpointsIT extends IntegrationTest {
    private WebhookReceiver receiver;
    private WebhookApi webhooks;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
        webhooks = new WebhookApi(api);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anEndpointIsCreatedChangedDisabledAndDeleted() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response created = api.post("/v1/webhooks").key(owner.key()).body(Map.of(
                "url", receiver.url("/a"), "eventTypes", List.of("api_key.issued", "api_key.issued"),
                "description", "  billing system  ")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode endpoint = created.data();
        String id = endpoint.path("id").asText();
        assertThat(id).matches("whk_[0-9A-Za-z]{22}");
        assertThat(endpoint.path("secret").asText()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(endpoint.path("secret").asText().substring(6))).hasSize(32);
        assertThat(endpoint.path("eventTypes")).extracting(JsonNode::asText).containsExactly("api_key.issued");
        assertThat(endpoint.path("description").asText()).isEqualTo("billing system");
        assertThat(endpoint.path("status").asText()).isEqualTo("enabled");
        assertThat(endpoint.path("mode").asText()).isEqualTo("test");

        JsonNode read = webhooks.get(owner.key(), id);
        assertThat(read.has("secret")).as("the secret is shown once").isFalse();
        assertThat(read.toString()).doesNotContain("sec_").doesNotContain("whsec_");

        JsonNode changed = webhooks.patch(owner.key(), id, Map.of("url", receiver.url("/b"),
                "eventTypes", List.of("*"), "description", "")).data();
        assertThat(changed.path("url").asText()).endsWith("/b");
        assertThat(changed.path("eventTypes")).extracting(JsonNode::asText).containsExactly("*");
        assertThat(changed.path("description").isNull()).isTrue();

        JsonNode disabled = webhooks.patch(owner.key(), id, Map.of("status", "disabled")).data();
        assertThat(disabled.path("status").asText()).isEqualTo("disabled");
        assertThat(disabled.path("disabledReason").asText()).isEqualTo("requested");
        JsonNode enabled = webhooks.patch(owner.key(), id, Map.of("status", "enabled")).data();
        assertThat(enabled.path("status").asText()).isEqualTo("enabled");
        assertThat(enabled.path("disabledReason").isNull()).isTrue();

        ApiClient.Response list = api.get("/v1/webhooks").key(owner.key()).send();
        assertThat(list.data()).extracting(e -> e.path("id").asText()).containsExactly(id);

        ApiClient.Response deleted = api.delete("/v1/webhooks/" + id).key(owner.key()).send();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get("/v1/webhooks/" + id).key(owner.key()).send().status()).isEqualTo(404);
        assertThat(webhooks.patch(owner.key(), id, Map.of("description", "x")).status()).isEqualTo(404);
        assertThat(api.delete("/v1/webhooks/" + id).key(owner.key()).send().status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithTheField() {
        String key = accounts.verifiedOwner("test").key();
        assertInvalid(key, Map.of("url", "ftp://127.0.0.1/x", "eventTypes", List.of("*")), "url");
        assertInvalid(key, Map.of("url", "http://user:pw@127.0.0.1/x", "eventTypes", List.of("*")), "url");
        assertInvalid(key, Map.of("url", "http://2130706433/x", "eventTypes", List.of("*")), "url");
        assertInvalid(key, Map.of("url", "not a url", "eventTypes", List.of("*")), "url");
        assertInvalid(key, Map.of("url", "https://does-not-exist.invalid/x", "eventTypes", List.of("*")), "url");
        assertInvalid(key, Map.of("url", receiver.url("/x"), "eventTypes", List.of()), "eventTypes");
        assertInvalid(key, Map.of("url", receiver.url("/x"), "eventTypes", List.of("api_key.exploded")),
                "eventTypes");
        assertInvalid(key, Map.of("url", receiver.url("/x"), "eventTypes", List.of("*"),
                "description", "d".repeat(501)), "description");
        assertInvalid(key, Map.of("url", receiver.url("/x" + "a".repeat(2048)), "eventTypes", List.of("*")), "url");
        ApiClient.Response unknownField = api.post("/v1/webhooks").key(key)
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("*"), "secret", "whsec_mine")).send();
        assertThat(unknownField.status()).isEqualTo(422);
        ApiClient.Response badStatus = webhooks.patch(key, webhooks.create(key, receiver, List.of("*")).id(),
                Map.of("status", "paused"));
        assertThat(badStatus.status()).isEqualTo(422);
    }

    @Test
    void anAccountHasAtMostSixteenEndpointsPerMode() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(webhooks.create(owner.key(), receiver, List.of("*")).id());
        }
        ApiClient.Response seventeenth = api.post("/v1/webhooks").key(owner.key())
                .body(Map.of("url", receiver.url("/17"), "eventTypes", List.of("*"))).send();
        assertThat(seventeenth.status()).isEqualTo(409);
        assertThat(seventeenth.errorCode()).isEqualTo("CONFLICT");

        String liveKey = webhooks.keyInMode(owner, "live", List.of("webhooks"));
        assertThat(api.post("/v1/webhooks").key(liveKey)
                .body(Map.of("url", receiver.url("/live"), "eventTypes", List.of("webhook.endpoint_created"))).send()
                .status()).as("the other mode has its own sixteen").isEqualTo(201);

        assertThat(api.delete("/v1/webhooks/" + ids.get(0)).key(owner.key()).send().status()).isEqualTo(200);
        assertThat(api.post("/v1/webhooks").key(owner.key())
                .body(Map.of("url", receiver.url("/again"), "eventTypes", List.of("*"))).send().status())
                .isEqualTo(201);
    }

    /** An endpoint carries no more than its key reads in the event log: a webhooks key alone reads webhook.*. */
    @Test
    void aKeySubscribesOnlyToTheFamiliesItsScopesRead() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String webhooksOnly = webhooks.keyInMode(owner, "test", List.of("webhooks"));
        for (List<String> types : List.of(List.of("*"), List.of("chat.message_posted"),
                List.of("webhook.endpoint_created", "conversion.recorded"))) {
            ApiClient.Response refused = api.post("/v1/webhooks").key(webhooksOnly)
                    .body(Map.of("url", receiver.url("/narrow"), "eventTypes", types)).send();
            assertThat(refused.status()).as(types.toString()).isEqualTo(422);
            assertThat(refused.json().path("error").path("details").findValuesAsText("field")).contains("eventTypes");
        }
        WebhookApi.Endpoint own = webhooks.create(webhooksOnly, receiver, List.of("webhook.endpoint_created"));
        assertThat(webhooks.patch(webhooksOnly, own.id(), Map.of("eventTypes", List.of("*"))).status())
                .isEqualTo(422);
        String trackingToo = webhooks.keyInMode(owner, "test", List.of("webhooks", "tracking"));
        assertThat(webhooks.patch(trackingToo, own.id(), Map.of("eventTypes", List.of("conversion.recorded")))
                .status()).isEqualTo(200);
        assertThat(webhooks.patch(owner.key(), own.id(), Map.of("eventTypes", List.of("*"))).status())
                .as("the owner's first key holds every scope").isEqualTo(200);
    }

    @Test
    void concurrentRegistrationsStopAtTheLimit() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        for (int i = 0; i < 10; i++) {
            webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        }
        List<ApiClient.Response> answers = AllAtOnce.send(12, i -> api.post("/v1/webhooks").key(owner.key())
                .body(Map.of("url", receiver.url("/race/" + i), "eventTypes", List.of("webhook.test"))).send());
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(6);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(6);
        assertThat(api.get("/v1/webhooks?limit=100").key(owner.key()).send().data()).hasSize(16);
    }

    /** Rotations take turns: each answers a secret of its own, and the last two are the ones that sign. */
    @Test
    void racingRotationsTakeTurns() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        List<ApiClient.Response> answers = AllAtOnce.send(6,
                i -> api.post("/v1/webhooks/" + endpoint.id() + "/rotate-secret").key(owner.key()).send());
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        List<String> secrets = answers.stream().map(r -> r.data().path("secret").asText()).toList();
        assertThat(secrets).doesNotHaveDuplicates();

        api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();
        WebhookReceiver.Received delivery = WebhookDeliveryIT.awaitOne(receiver, endpoint.path(), "webhook.test");
        assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(secrets).filteredOn(secret -> StandardWebhooks.verify(secret, delivery)).hasSize(2);
        assertThat(StandardWebhooks.verify(endpoint.secret(), delivery)).as("the first secret was rotated out twice")
                .isFalse();
    }

    @Test
    void anotherAccountsEndpointsAndTheOtherModesDoNotExist() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("*"));
        String stranger = accounts.verifiedOwner("test").key();
        String liveKey = webhooks.keyInMode(owner, "live", List.of("webhooks"));
        for (String other : List.of(stranger, liveKey)) {
            assertThat(api.get("/v1/webhooks/" + endpoint.id()).key(other).send().status()).isEqualTo(404);
            assertThat(webhooks.patch(other, endpoint.id(), Map.of("status", "disabled")).status()).isEqualTo(404);
            assertThat(api.post("/v1/webhooks/" + endpoint.id() + "/rotate-secret").key(other).send().status())
                    .isEqualTo(404);
            assertThat(api.post("/v1/webhooks/" + endpoint.id() + "/test").key(other).send().status())
                    .isEqualTo(404);
            assertThat(api.get("/v1/webhooks/" + endpoint.id() + "/deliveries").key(other).send().status())
                    .isEqualTo(404);
            assertThat(api.delete("/v1/webhooks/" + endpoint.id()).key(other).send().status()).isEqualTo(404);
            assertThat(api.get("/v1/webhooks").key(other).send().data()).isEmpty();
        }
        assertThat(webhooks.get(owner.key(), endpoint.id()).path("status").asText()).isEqualTo("enabled");
        assertThat(api.get("/v1/webhooks/whk_nope").key(owner.key()).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/webhooks/key_" + endpoint.id().substring(4)).key(owner.key()).send().status())
                .isEqualTo(404);
    }

    @Test
    void theWebhooksScopeIsRequired() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("*"));
        String narrow = accounts.issueKey(owner.key(), "keys only", List.of("keys"), "test").data().path("key")
                .asText();
        assertThat(api.get("/v1/webhooks").key(narrow).send().status()).isEqualTo(403);
        assertThat(api.get("/v1/webhooks/event-types").key(narrow).send().status()).isEqualTo(403);
        assertThat(api.post("/v1/webhooks").key(narrow)
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("*"))).send().status()).isEqualTo(403);
        assertThat(webhooks.patch(narrow, endpoint.id(), Map.of("status", "disabled")).status()).isEqualTo(403);
        assertThat(api.post("/v1/webhooks/" + endpoint.id() + "/test").key(narrow).send().status()).isEqualTo(403);
        assertThat(api.get("/v1/webhooks").send().status()).isEqualTo(401);
    }

    @Test
    void theEventTypeCatalogListsEveryTypeWithItsBody() {
        String key = accounts.verifiedOwner("test").key();
        List<JsonNode> types = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = api.get("/v1/webhooks/event-types?limit=5"
                    + (cursor == null ? "" : "&cursor=" + cursor)).key(key).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.data().forEach(types::add);
            cursor = page.json().path("meta").path("hasMore").asBoolean()
                    ? page.json().path("meta").path("cursor").asText() : null;
        } while (cursor != null);

        List<String> names = types.stream().map(t -> t.path("type").asText()).toList();
        assertThat(names).isSorted().doesNotHaveDuplicates().contains("account.registered", "account.email_verified",
                "api_key.issued", "api_key.revoked", "webhook.endpoint_created", "webhook.secret_rotated",
                "webhook.endpoint_failed", "webhook.test");
        for (JsonNode type : types) {
            JsonNode example = type.path("example");
            assertThat(example.path("type").asText()).isEqualTo(type.path("type").asText());
            assertThat(example.path("id").asText()).startsWith("evt_");
            assertThat(example.has("createdAt") && example.has("mode") && example.path("data").isObject()).isTrue();
        }
        JsonNode issued = types.get(names.indexOf("api_key.issued")).path("example").path("data");
        assertThat(issued.has("keyId") && issued.has("scopes")).isTrue();
        assertThat(issued.has("secretHash")).as("hashes are never published").isFalse();
        JsonNode created = types.get(names.indexOf("webhook.endpoint_created")).path("example").path("data");
        assertThat(created.has("url")).isTrue();
        assertThat(created.has("secretRef")).as("secret references are never published").isFalse();
        JsonNode registered = types.get(names.indexOf("account.registered")).path("example").path("data");
        assertThat(registered.has("passwordHash") || registered.has("verificationTokenHash")).isFalse();
    }

    @Test
    void rotationSignsWithBothSecretsForADay() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        ApiClient.Response rotated = api.post("/v1/webhooks/" + endpoint.id() + "/rotate-secret").key(owner.key())
                .send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.data().path("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
        assertThat(rotated.data().path("previousSecretExpiresAt").asText()).isNotBlank();
        assertThat(webhooks.get(owner.key(), endpoint.id()).path("previousSecretExpiresAt").asText())
                .isEqualTo(rotated.data().path("previousSecretExpiresAt").asText());

        assertThat(api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send().status())
                .isEqualTo(202);
        WebhookReceiver.Received delivery = WebhookDeliveryIT.awaitOne(receiver, endpoint.path(), "webhook.test");
        assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(StandardWebhooks.verify(newSecret, delivery)).isTrue();
        assertThat(StandardWebhooks.verify(endpoint.secret(), delivery)).isTrue();
        assertThat(StandardWebhooks.verify("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), delivery))
                .isFalse();
    }

    private void assertInvalid(String key, Map<String, ?> body, String field) {
        ApiClient.Response response = api.post("/v1/webhooks").key(key).body(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("error").path("details").findValuesAsText("field")).contains(field);
    }
}
