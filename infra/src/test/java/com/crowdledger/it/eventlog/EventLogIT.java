package com.crowdledger.it.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crowdledger.it.ApiClient;
import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.TestAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event log: the caller's own events in its mode, newest first, filtered, paged, with who caused each. */
class EventLogIT extends IntegrationTest {
    private TestAccounts.Registered owner;
    private String keyId;
    private ApiClient.Response issued;
    private ApiClient.Response renamed;

    @BeforeEach
    void someHistory() {
        owner = accounts.verifiedOwner("live");
        issued = accounts.issueKey(owner.key(), "logged", List.of("keys"), "live");
        keyId = issued.data().path("id").asText();
        renamed = api.patch("/v1/auth/api-keys/" + keyId).key(owner.key()).body(Map.of("name", "renamed")).send();
        assertThat(renamed.status()).isEqualTo(200);
        Session session = login();
        ApiClient.Response revoked = api.delete("/v1/auth/api-keys/" + keyId).header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrfToken()).send();
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(api.post("/v1/webhooks").key(owner.key())
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("*"))).send().status())
                .isEqualTo(201);
        awaitLog(owner.key(), 7); // the log follows within moments
    }

    private void awaitLog(String key, int events) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/v1/events?limit=100").key(key).send().data().size() == events);
    }

    /** Events of one command (registration) happen in the same millisecond, which is as fine as the log orders. */
    @Test
    void theLogListsTheAccountsEventsNewestFirstWithTheirActors() {
        List<JsonNode> events = all("");
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactlyInAnyOrder(
                "webhook.endpoint_created", "api_key.revoked", "api_key.changed", "api_key.issued",
                "account.email_verified", "api_key.issued", "account.registered");
        assertThat(events).extracting(e -> Instant.parse(e.path("createdAt").asText()))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(events.get(0).path("type").asText()).isEqualTo("webhook.endpoint_created");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("id").asText()).matches("evt_[0-9A-Za-z]{22}");
            assertThat(e.path("mode").asText()).isEqualTo("live");
        });

        JsonNode issuedEvent = only(events, "api_key.issued", keyId);
        assertThat(issuedEvent.path("data").path("keyId").asText()).isEqualTo(keyId);
        assertThat(issuedEvent.path("actor").path("type").asText()).isEqualTo("api_key");
        assertThat(issuedEvent.path("actor").path("keyId").asText()).isEqualTo(owner.keyId());
        assertThat(issuedEvent.path("actor").path("requestId").asText()).isEqualTo(issued.header("Request-Id"));
        JsonNode revokedEvent = only(events, "api_key.revoked", keyId);
        assertThat(revokedEvent.path("actor").path("type").asText()).isEqualTo("dashboard_session");
        assertThat(revokedEvent.path("actor").path("keyId").isNull()).isTrue();
        assertThat(only(events, "account.registered", owner.accountId()).path("actor").path("type").asText())
                .isEqualTo("anonymous");

        ApiClient.Response one = api.get("/v1/events/" + issuedEvent.path("id").asText()).key(owner.key()).send();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.data()).isEqualTo(issuedEvent);
    }

    private static JsonNode only(List<JsonNode> events, String type, String aggregateId) {
        List<JsonNode> matching = events.stream().filter(e -> e.path("type").asText().equals(type)
                && e.path("aggregateId").asText().equals(aggregateId)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void noSecretNorHashIsEverShown() {
        String everything = api.get("/v1/events?limit=100").key(owner.key()).send().body();
        assertThat(everything).contains("account.registered", "api_key.issued", "webhook.endpoint_created")
                .doesNotContain("Hash\"").doesNotContain("$argon2").doesNotContain("sec_").doesNotContain("whsec_")
                .doesNotContain("secretRef").doesNotContain("password");
    }

    @Test
    void filtersNarrowTheLog() {
        assertThat(all("&type=api_key.issued")).extracting(e -> e.path("aggregateId").asText())
                .containsExactlyInAnyOrder(keyId, owner.keyId());
        List<JsonNode> ofKey = all("&aggregateId=" + keyId);
        assertThat(ofKey).extracting(e -> e.path("type").asText())
                .containsExactly("api_key.revoked", "api_key.changed", "api_key.issued");
        assertThat(all("&aggregateId=" + keyId + "&type=api_key.changed")).hasSize(1);
        assertThat(all("&type=api_key.exploded")).isEmpty();

        Instant changedAt = Instant.parse(ofKey.get(1).path("createdAt").asText());
        assertThat(all("&aggregateId=" + keyId + "&from=" + changedAt)).extracting(e -> e.path("type").asText())
                .containsExactly("api_key.revoked", "api_key.changed");
        assertThat(all("&aggregateId=" + keyId + "&to=" + changedAt)).extracting(e -> e.path("type").asText())
                .containsExactly("api_key.issued");
        assertThat(all("&aggregateId=" + keyId + "&from=" + changedAt + "&to=" + changedAt.plusMillis(1)))
                .extracting(e -> e.path("type").asText()).containsExactly("api_key.changed");
    }

    @Test
    void pagesWalkTheWholeLogOnce() {
        List<JsonNode> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get("/v1/events?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .key(owner.key()).send();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.data().size()).isLessThanOrEqualTo(2);
            page.data().forEach(walked::add);
            pages++;
            cursor = page.json().path("meta").path("hasMore").asBoolean()
                    ? page.json().path("meta").path("cursor").asText() : null;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(walked).isEqualTo(all("")).hasSize(7);
    }

    @Test
    void anotherAccountsEventsAndTheOtherModesAreInvisible() {
        String eventId = all("&type=api_key.issued").get(0).path("id").asText();
        TestAccounts.Registered stranger = accounts.verifiedOwner("live");
        assertThat(api.get("/v1/events/" + eventId).key(stranger.key()).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/events?aggregateId=" + keyId).key(stranger.key()).send().data()).isEmpty();
        assertThat(api.get("/v1/events?limit=100").key(stranger.key()).send().body()).doesNotContain(keyId);

        String testKey = issueInMode("test");
        awaitLog(testKey, 1);
        assertThat(api.get("/v1/events/" + eventId).key(testKey).send().status()).isEqualTo(404);
        List<JsonNode> testEvents = new ArrayList<>();
        api.get("/v1/events?limit=100").key(testKey).send().data().forEach(testEvents::add);
        assertThat(testEvents).extracting(e -> e.path("type").asText()).containsExactly("api_key.issued");
        assertThat(testEvents.get(0).path("mode").asText()).isEqualTo("test");
    }

    @Test
    void anyScopeReadsTheLogAndBadInputIsRefused() {
        String narrow = accounts.issueKey(owner.key(), "tracking only", List.of("tracking"), "live").data()
                .path("key").asText();
        assertThat(api.get("/v1/events").key(narrow).send().status()).isEqualTo(200);
        assertThat(api.get("/v1/events").send().status()).isEqualTo(401);
        assertThat(api.get("/v1/events/evt_nope").key(owner.key()).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/events/whk_nope").key(owner.key()).send().status()).isEqualTo(404);
        assertField(api.get("/v1/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").key(owner.key()).send(),
                "to");
        assertField(api.get("/v1/events?from=yesterday").key(owner.key()).send(), "from");
        // instants the JDBC driver or PostgreSQL could not take
        assertField(api.get("/v1/events?from=-300000000-01-01T00:00:00Z").key(owner.key()).send(), "from");
        assertField(api.get("/v1/events?to=%2B300000000-01-01T00:00:00Z").key(owner.key()).send(), "to");
        assertField(api.get("/v1/events?from=1969-12-31T23:59:59Z").key(owner.key()).send(), "from");
        assertField(api.get("/v1/events?cursor=forged").key(owner.key()).send(), "cursor");
        assertField(api.get("/v1/events?limit=0").key(owner.key()).send(), "limit");
        assertField(api.get("/v1/events?type=" + "x".repeat(201)).key(owner.key()).send(), "type");
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("error").path("details").findValuesAsText("field")).contains(field);
    }

    private List<JsonNode> all(String query) {
        ApiClient.Response response = api.get("/v1/events?limit=100" + query).key(owner.key()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.data().forEach(events::add);
        return events;
    }

    private record Session(String cookie, String csrfToken) {
    }

    private Session login() {
        ApiClient.Response login = api.post("/v1/auth/login")
                .body(Map.of("email", owner.email(), "password", TestAccounts.PASSWORD)).send();
        assertThat(login.status()).isEqualTo(200);
        return new Session(login.header("Set-Cookie").split(";", 2)[0], login.data().path("csrfToken").asText());
    }

    private String issueInMode(String mode) {
        Session session = login();
        ApiClient.Response key = api.post("/v1/auth/api-keys").header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrfToken())
                .body(Map.of("name", mode, "scopes", List.of("keys"), "mode", mode)).send();
        assertThat(key.status()).isEqualTo(201);
        return key.data().path("key").asText();
    }
}
