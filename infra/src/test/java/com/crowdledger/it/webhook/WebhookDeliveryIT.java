package com.crowdledger.it.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crowdledger.it.ApiClient;
import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.TestAccounts;
import com.crowdledger.it.TestInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhooks delivered to a real HTTP receiver on 127.0.0.1: signed (checked by the test's own Standard Webhooks
 * code), filtered by type and mode, retried with one webhook-id, logged attempt by attempt, and never held up by
 * another endpoint.
 */
class WebhookDeliveryIT extends IntegrationTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

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

    /** The event log follows within moments: the answer once it lists (or is) {@code count} events. */
    private ApiClient.Response awaitLogged(String key, String path, int count) {
        return await().atMost(PATIENCE).until(() -> api.get(path).key(key).send(), response -> response.status() == 200
                && (response.data().isArray() ? response.data().size() == count : count == 1));
    }

    static WebhookReceiver.Received awaitOne(WebhookReceiver receiver, String path, String type) {
        await().atMost(PATIENCE).until(() -> !receiver.ofType(path, type).isEmpty());
        return receiver.ofType(path, type).get(0);
    }

    @Test
    void aDeliveryIsSignedAsStandardWebhooksSaysAndCarriesTheEventAsTheLogShowsIt() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("*"));
        Instant before = Instant.now().minusSeconds(1);
        webhooks.touch(owner.key(), endpoint.id());

        WebhookReceiver.Received delivery = awaitOne(receiver, endpoint.path(), "webhook.endpoint_changed");
        assertThat(StandardWebhooks.verify(endpoint.secret(), delivery)).isTrue();
        assertThat(StandardWebhooks.verify(endpoint.secret(), delivery.header("webhook-id"),
                delivery.header("webhook-timestamp"), delivery.body() + " ", delivery.header("webhook-signature")))
                .as("a changed body no longer verifies").isFalse();
        assertThat(delivery.header("content-type")).startsWith("application/json");
        assertThat(Long.parseLong(delivery.header("webhook-timestamp")))
                .isBetween(before.getEpochSecond(), Instant.now().getEpochSecond() + 1);

        JsonNode body = delivery.json();
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "type", "createdAt", "mode", "data");
        assertThat(body.path("id").asText()).matches("evt_[0-9A-Za-z]{22}").isEqualTo(delivery.header("webhook-id"));
        assertThat(body.path("mode").asText()).isEqualTo("test");
        assertThat(body.path("data").path("webhookId").asText()).isEqualTo(endpoint.id());
        assertThat(delivery.body()).doesNotContain("secretRef").doesNotContain("sec_").doesNotContain("Hash");

        ApiClient.Response logged = awaitLogged(owner.key(), "/v1/events/" + body.path("id").asText(), 1);
        assertThat(logged.data().path("type").asText()).isEqualTo("webhook.endpoint_changed");
        assertThat(logged.data().path("data")).isEqualTo(body.path("data"));
        assertThat(Instant.parse(logged.data().path("createdAt").asText()))
                .isEqualTo(Instant.parse(body.path("createdAt").asText()));
    }

    @Test
    void endpointsGetTheTypesTheySubscribedToAndNothingElse() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint keysOnly = webhooks.create(owner.key(), receiver, List.of("api_key.issued"));
        WebhookApi.Endpoint everything = webhooks.create(owner.key(), receiver, List.of("*"));
        String keyId = accounts.issueKey(owner.key(), "watched", List.of("keys"), "test").data().path("id").asText();
        webhooks.touch(owner.key(), everything.id());

        awaitOne(receiver, everything.path(), "webhook.endpoint_changed");
        WebhookReceiver.Received issued = awaitOne(receiver, keysOnly.path(), "api_key.issued");
        assertThat(issued.json().path("data").path("keyId").asText()).isEqualTo(keyId);
        assertThat(awaitOne(receiver, everything.path(), "api_key.issued").header("webhook-id"))
                .as("one event, one id for every endpoint").isEqualTo(issued.header("webhook-id"));
        assertThat(receiver.at(keysOnly.path())).extracting(WebhookReceiver.Received::type)
                .containsOnly("api_key.issued");
    }

    @Test
    void eachModeOnlyReachesItsOwnEndpoints() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String liveKey = webhooks.keyInMode(owner, "live", List.of("webhooks", "keys"));
        WebhookApi.Endpoint testEndpoint = webhooks.create(owner.key(), receiver, List.of("*"));
        WebhookApi.Endpoint liveEndpoint = webhooks.create(liveKey, receiver, List.of("webhook.endpoint_changed"));
        WebhookApi.Endpoint strangers = webhooks.create(accounts.verifiedOwner("test").key(), receiver, List.of("*"));

        webhooks.touch(owner.key(), testEndpoint.id());
        webhooks.touch(liveKey, liveEndpoint.id());

        WebhookReceiver.Received live = awaitOne(receiver, liveEndpoint.path(), "webhook.endpoint_changed");
        WebhookReceiver.Received test = awaitOne(receiver, testEndpoint.path(), "webhook.endpoint_changed");
        assertThat(live.json().path("mode").asText()).isEqualTo("live");
        assertThat(live.json().path("data").path("webhookId").asText()).isEqualTo(liveEndpoint.id());
        assertThat(test.json().path("mode").asText()).isEqualTo("test");
        assertThat(test.json().path("data").path("webhookId").asText()).isEqualTo(testEndpoint.id());
        // a later event of each mode has been delivered, so the earlier ones went wherever they were going
        webhooks.touch(owner.key(), testEndpoint.id());
        await().atMost(PATIENCE).until(() -> receiver.ofType(testEndpoint.path(), "webhook.endpoint_changed")
                .size() == 2);
        assertThat(receiver.ofType(liveEndpoint.path(), "webhook.endpoint_changed")).hasSize(1);
        assertThat(receiver.at(testEndpoint.path())).noneMatch(r -> r.json().path("mode").asText().equals("live"));
        assertThat(receiver.at(strangers.path())).as("another account's endpoint only hears of itself")
                .allSatisfy(r -> assertThat(r.json().path("data").path("webhookId").asText())
                        .isEqualTo(strangers.id()));
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameWebhookIdUntilOneSucceeds() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        receiver.answer(endpoint.path(), 500, 503, 500);
        receiver.answerWithBody(endpoint.path(), "x".repeat(2000));
        assertThat(api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send().status())
                .isEqualTo(202);

        await().atMost(PATIENCE).until(() -> deliveryOf(owner.key(), endpoint.id()).path("status").asText()
                .equals("succeeded"));
        List<WebhookReceiver.Received> attempts = receiver.at(endpoint.path());
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
        assertThat(attempts).allSatisfy(r -> assertThat(StandardWebhooks.verify(endpoint.secret(), r)).isTrue());
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()))
                    .as("retries wait (1 s, jittered, in tests)").isGreaterThan(Duration.ofMillis(800));
        }

        JsonNode delivery = deliveryOf(owner.key(), endpoint.id());
        assertThat(delivery.path("eventId").asText()).isEqualTo(attempts.get(0).header("webhook-id"));
        assertThat(delivery.path("attempts").findValuesAsText("statusCode"))
                .containsExactly("500", "503", "500", "200");
        JsonNode first = delivery.path("attempts").get(0);
        assertThat(first.path("error").asText()).isEqualTo("HTTP 500");
        assertThat(first.path("responseBody").asText()).hasSize(1024);
        assertThat(first.path("durationMs").asInt()).isNotNegative();
        assertThat(delivery.path("attempts").get(3).path("error").isNull()).isTrue();
        assertThat(delivery.path("completedAt").asText()).isNotBlank();
    }

    @Test
    void anEndpointThatAnswersGoneIsDisabledAtOnce() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.endpoint_changed"));
        receiver.answer(endpoint.path(), 410);
        webhooks.touch(owner.key(), endpoint.id());

        await().atMost(PATIENCE).until(() -> webhooks.get(owner.key(), endpoint.id()).path("status").asText()
                .equals("disabled"));
        assertThat(webhooks.get(owner.key(), endpoint.id()).path("disabledReason").asText()).isEqualTo("gone");
        assertThat(receiver.at(endpoint.path())).hasSize(1);
        JsonNode delivery = deliveryOf(owner.key(), endpoint.id());
        assertThat(delivery.path("status").asText()).as("410 is not retried").isEqualTo("failed");

        ApiClient.Response events = awaitLogged(owner.key(), "/v1/events?aggregateId=" + endpoint.id()
                + "&type=webhook.endpoint_disabled", 1);
        assertThat(events.data()).extracting(e -> e.path("type").asText())
                .contains("webhook.endpoint_disabled");
        JsonNode disabled = events.data().get(0);
        assertThat(disabled.path("data").path("reason").asText()).isEqualTo("gone");
        assertThat(disabled.path("actor").path("type").asText()).isEqualTo("system");
        assertThat(awaitLogged(owner.key(), "/v1/events?type=webhook.endpoint_failed", 1).data())
                .extracting(e -> e.path("data").path("webhookId").asText()).containsExactly(endpoint.id());

        // disabled, it receives nothing; a test is refused until it is enabled again
        webhooks.touch(owner.key(), endpoint.id());
        assertThat(api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send().status())
                .isEqualTo(409);
        assertThat(webhooks.patch(owner.key(), endpoint.id(), Map.of("status", "enabled")).status()).isEqualTo(200);
        assertThat(api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send().status())
                .isEqualTo(202);
        awaitOne(receiver, endpoint.path(), "webhook.test");
        assertThat(receiver.ofType(endpoint.path(), "webhook.endpoint_changed"))
                .as("nothing that happened while it was disabled").hasSize(1);
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabled() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        receiver.answer(endpoint.path(), 500, 500, 500, 500, 500, 500, 500, 500);
        api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from delivery_targets where target_id = ? and failing_since is not null",
                Integer.class, endpoint.id()) == 1);
        assertThat(webhooks.get(owner.key(), endpoint.id()).path("status").asText())
                .as("a failure or two disable nothing").isEqualTo("enabled");
        // five days pass: the next failed retry gives the endpoint up
        jdbc.update("update delivery_targets set failing_since = now() - interval '5 days 1 minute' "
                + "where target_id = ?", endpoint.id());

        await().atMost(PATIENCE).until(() -> webhooks.get(owner.key(), endpoint.id()).path("status").asText()
                .equals("disabled"));
        assertThat(webhooks.get(owner.key(), endpoint.id()).path("disabledReason").asText()).isEqualTo("failing");
        assertThat(awaitLogged(owner.key(), "/v1/events?type=webhook.endpoint_failed", 1).data())
                .singleElement().satisfies(failed -> {
                    assertThat(failed.path("data").path("webhookId").asText()).isEqualTo(endpoint.id());
                    assertThat(failed.path("data").path("reason").asText()).isEqualTo("failing");
                });
    }

    @Test
    void daysWithoutDeliveriesDoNotCountAsDaysOfFailure() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        receiver.answer(endpoint.path(), 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();
        await().atMost(PATIENCE).until(() -> failingSince(endpoint.id()) != null);
        // it failed 6 days ago, then had nothing to send for 2 days: its next failure starts a new failing period
        jdbc.update("update delivery_targets set failing_since = now() - interval '6 days', "
                + "last_failed_at = now() - interval '2 days' where target_id = ?", endpoint.id());
        api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();

        await().atMost(PATIENCE).until(() -> {
            Instant since = failingSince(endpoint.id());
            return since != null && since.isAfter(Instant.now().minus(Duration.ofHours(1)));
        });
        assertThat(webhooks.get(owner.key(), endpoint.id()).path("status").asText()).isEqualTo("enabled");
    }

    @Test
    void anEndpointItsOwnerChangedStartsItsFailuresAfresh() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        // it has been failing for 6 days, up to a minute ago (at its old URL, say)
        jdbc.update("insert into delivery_targets (kind, target_id, failing_since, last_failed_at) "
                + "values ('webhook', ?, now() - interval '6 days', now() - interval '1 minute')", endpoint.id());

        webhooks.touch(owner.key(), endpoint.id());

        await().atMost(PATIENCE).until(() -> failingSince(endpoint.id()) == null);
    }

    private Instant failingSince(String targetId) {
        return jdbc.queryForList("select failing_since from delivery_targets where target_id = ?", Timestamp.class,
                targetId).stream().filter(Objects::nonNull).map(Timestamp::toInstant).findFirst().orElse(null);
    }

    @Test
    void aDeadEndpointDoesNotDelayAHealthyOne() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        List<String> changes = List.of("webhook.endpoint_changed");
        WebhookApi.Endpoint dead = webhooks.create(owner.key(), receiver, changes);
        WebhookApi.Endpoint healthy = webhooks.create(owner.key(), receiver, changes);
        receiver.hang(dead.path());
        int events = 20;
        for (int i = 0; i < events; i++) {
            webhooks.touch(owner.key(), healthy.id());
        }

        await().atMost(PATIENCE).until(() -> receiver.ofType(healthy.path(), "webhook.endpoint_changed").size()
                == events);
        // meanwhile the dead endpoint holds a few attempts, all still unanswered: it took no more workers than that
        assertThat(receiver.at(dead.path())).hasSizeBetween(1, 4);
        assertThat(deliveriesOf(owner.key(), dead.id())).hasSize(events)
                .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("pending"));
        receiver.release();
        await().atMost(PATIENCE).until(() -> deliveriesOf(owner.key(), dead.id()).stream()
                .allMatch(d -> d.path("status").asText().equals("succeeded")));
    }

    /** Sixteen hanging endpoints of one account (each within its own limit) would hold every worker of the node. */
    @Test
    void anotherAccountsHangingEndpointsDoNotDelayThisAccountsWebhooks() {
        TestAccounts.Registered hoarder = accounts.verifiedOwner("live");
        List<WebhookApi.Endpoint> hanging = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            WebhookApi.Endpoint endpoint = webhooks.create(hoarder.key(), receiver, List.of("webhook.test"));
            receiver.hang(endpoint.path());
            hanging.add(endpoint);
        }
        for (int round = 0; round < 3; round++) {
            hanging.forEach(endpoint -> api.post("/v1/webhooks/" + endpoint.id() + "/test").key(hoarder.key()).send());
        }
        await().atMost(PATIENCE).until(() -> receiver.at(hanging.get(15).path()).size() >= 1);

        TestAccounts.Registered other = accounts.verifiedOwner("live");
        WebhookApi.Endpoint healthy = webhooks.create(other.key(), receiver, List.of("webhook.test"));
        api.post("/v1/webhooks/" + healthy.id() + "/test").key(other.key()).send();
        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.ofType(healthy.path(), "webhook.test").isEmpty());
        receiver.release();
    }

    @Test
    void aTestDeliveryGoesToOneEndpointWhateverItSubscribedTo() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("api_key.revoked"));
        WebhookApi.Endpoint other = webhooks.create(owner.key(), receiver, List.of("*"));
        ApiClient.Response test = api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();
        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        assertThat(test.data().path("eventType").asText()).isEqualTo("webhook.test");
        assertThat(test.data().path("status").asText()).isEqualTo("pending");

        WebhookReceiver.Received delivery = awaitOne(receiver, endpoint.path(), "webhook.test");
        assertThat(StandardWebhooks.verify(endpoint.secret(), delivery)).isTrue();
        assertThat(delivery.header("webhook-id")).isEqualTo(test.data().path("eventId").asText());
        assertThat(delivery.json().path("data").path("webhookId").asText()).isEqualTo(endpoint.id());
        assertThat(receiver.ofType(other.path(), "webhook.test")).isEmpty();
    }

    @Test
    void aDeliveryIsSentAgainOnRequestWithItsWebhookId() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();
        await().atMost(PATIENCE).until(() -> deliveryOf(owner.key(), endpoint.id()).path("status").asText()
                .equals("succeeded"));
        String deliveryId = deliveryOf(owner.key(), endpoint.id()).path("id").asText();

        ApiClient.Response retried = api.post("/v1/webhooks/deliveries/" + deliveryId + "/retry").key(owner.key())
                .send();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.data().path("status").asText()).isEqualTo("pending");
        await().atMost(PATIENCE).until(() -> receiver.at(endpoint.path()).size() == 2);
        assertThat(receiver.at(endpoint.path())).extracting(r -> r.header("webhook-id"))
                .containsOnly(retried.data().path("eventId").asText());
        await().atMost(PATIENCE).until(() -> deliveryOf(owner.key(), endpoint.id()).path("attempts").size() == 2);

        String stranger = accounts.verifiedOwner("test").key();
        assertThat(api.post("/v1/webhooks/deliveries/" + deliveryId + "/retry").key(stranger).send().status())
                .isEqualTo(404);
        assertThat(api.post("/v1/webhooks/deliveries/del_nope/retry").key(owner.key()).send().status())
                .isEqualTo(404);
    }

    @Test
    void theDeliveryLogPagesAndFiltersByStatus() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.test"));
        receiver.answer(endpoint.path(), 410);
        api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();
        await().atMost(PATIENCE).until(() -> webhooks.get(owner.key(), endpoint.id()).path("status").asText()
                .equals("disabled"));
        webhooks.patch(owner.key(), endpoint.id(), Map.of("status", "enabled"));
        for (int i = 0; i < 3; i++) {
            api.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send();
        }
        await().atMost(PATIENCE).until(() -> webhooks.deliveries(owner.key(), endpoint.id(), "&status=succeeded")
                .size() == 3);

        assertThat(webhooks.deliveries(owner.key(), endpoint.id(), "&status=failed")).hasSize(1)
                .allSatisfy(d -> assertThat(d.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(410));
        assertThat(webhooks.deliveries(owner.key(), endpoint.id(), "&status=pending")).isEmpty();
        ApiClient.Response first = api.get("/v1/webhooks/" + endpoint.id() + "/deliveries?limit=3").key(owner.key())
                .send();
        assertThat(first.data()).hasSize(3);
        assertThat(first.json().path("meta").path("hasMore").asBoolean()).isTrue();
        ApiClient.Response second = api.get("/v1/webhooks/" + endpoint.id() + "/deliveries?limit=3&cursor="
                + first.json().path("meta").path("cursor").asText()).key(owner.key()).send();
        assertThat(second.data()).hasSize(1);
        assertThat(second.data().get(0).path("status").asText()).as("the oldest, last").isEqualTo("failed");
        assertThat(api.get("/v1/webhooks/" + endpoint.id() + "/deliveries?status=lost").key(owner.key()).send()
                .status()).isEqualTo(422);
    }

    /**
     * A new endpoint gets no event that happened before it existed, however far behind the dispatch is: here it is
     * stopped while an event happens, the endpoint is made, another event happens, and then it runs again.
     */
    @Test
    void aNewEndpointReceivesNoEventFromBeforeItExisted() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint existing = webhooks.create(owner.key(), receiver, List.of("*"));
        TrackingEventProcessor dispatch = processing.eventProcessor("webhook-dispatch", TrackingEventProcessor.class)
                .orElseThrow();
        dispatch.shutDown();
        WebhookApi.Endpoint added;
        try {
            webhooks.touch(owner.key(), existing.id());
            added = webhooks.create(owner.key(), receiver, List.of("*"));
            webhooks.touch(owner.key(), added.id());
        } finally {
            dispatch.start();
        }
        WebhookApi.Endpoint newcomer = added;
        await().atMost(PATIENCE).until(() -> receiver.ofType(existing.path(), "webhook.endpoint_changed").size() == 2);
        await().atMost(PATIENCE).until(() -> !receiver.ofType(newcomer.path(), "webhook.endpoint_changed").isEmpty());
        assertThat(receiver.ofType(newcomer.path(), "webhook.endpoint_changed")).hasSize(1)
                .allSatisfy(r -> assertThat(r.json().path("data").path("webhookId").asText())
                        .isEqualTo(newcomer.id()));
        assertThat(receiver.ofType(newcomer.path(), "webhook.endpoint_created"))
                .extracting(r -> r.json().path("data").path("webhookId").asText()).containsOnly(newcomer.id());
    }

    @Test
    void rebuildingReadModelsSendsNothingAgain() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        WebhookApi.Endpoint endpoint = webhooks.create(owner.key(), receiver, List.of("webhook.endpoint_changed"));
        webhooks.touch(owner.key(), endpoint.id());
        awaitOne(receiver, endpoint.path(), "webhook.endpoint_changed");

        for (String readModel : List.of("webhook-view", "event-log")) {
            assertThat(api.post("/admin/read-models/" + readModel + "/rebuild").key(TestInfrastructure.ADMIN_TOKEN)
                    .send().status()).isEqualTo(200);
        }
        webhooks.touch(owner.key(), endpoint.id());
        await().atMost(PATIENCE).until(() -> receiver.at(endpoint.path()).size() >= 2);
        assertThat(receiver.at(endpoint.path())).hasSize(2);
        assertThat(deliveriesOf(owner.key(), endpoint.id())).hasSize(2);
    }

    private List<JsonNode> deliveriesOf(String key, String webhookId) {
        return webhooks.deliveries(key, webhookId, "");
    }

    /** The endpoint's one delivery. */
    private JsonNode deliveryOf(String key, String webhookId) {
        List<JsonNode> deliveries = deliveriesOf(key, webhookId);
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }
}
