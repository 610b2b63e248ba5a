package com.crowdledger.it.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.ApiClient;
import com.crowdledger.it.TestAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook endpoints through the API, as a client would use them. */
final class WebhookApi {
    private final ApiClient api;

    WebhookApi(ApiClient api) {
        this.api = api;
    }

    /** A registered endpoint: its id, its secret (shown once), and the receiver path it delivers to. */
    record Endpoint(String id, String secret, String path) {
    }

    static String newPath() {
        return "/hooks/" + UUID.randomUUID();
    }

    Endpoint create(String key, WebhookReceiver receiver, List<String> eventTypes) {
        String path = newPath();
        ApiClient.Response created = api.post("/v1/webhooks").key(key)
                .body(Map.of("url", receiver.url(path), "eventTypes", eventTypes)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Endpoint(created.data().path("id").asText(), created.data().path("secret").asText(), path);
    }

    ApiClient.Response patch(String key, String id, Map<String, ?> changes) {
        return api.patch("/v1/webhooks/" + id).key(key).body(changes).send();
    }

    /** Changes the endpoint's description: one {@code webhook.endpoint_changed} event of its account and mode. */
    void touch(String key, String id) {
        ApiClient.Response changed = patch(key, id, Map.of("description", "touched " + UUID.randomUUID()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    JsonNode get(String key, String id) {
        ApiClient.Response found = api.get("/v1/webhooks/" + id).key(key).send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.data();
    }

    /**
     * A key of the owner's account in {@code mode}, issued through a dashboard session (which acts in both modes):
     * how one account gets keys of both modes.
     */
    String keyInMode(TestAccounts.Registered owner, String mode, List<String> scopes) {
        ApiClient.Response login = api.post("/v1/auth/login")
                .body(Map.of("email", owner.email(), "password", TestAccounts.PASSWORD)).send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        ApiClient.Response issued = api.post("/v1/auth/api-keys")
                .header("Cookie", login.header("Set-Cookie").split(";", 2)[0])
                .header("X-CSRF-Token", login.data().path("csrfToken").asText())
                .body(Map.of("name", mode + " key", "scopes", scopes, "mode", mode)).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.data().path("key").asText();
    }

    /** Every delivery of the endpoint, newest first (all pages). */
    List<JsonNode> deliveries(String key, String id, String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = api.get("/v1/webhooks/" + id + "/deliveries?limit=100" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).key(key).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.data().forEach(all::add);
            cursor = page.json().path("meta").path("hasMore").asBoolean() ? page.json().path("meta").path("cursor")
                    .asText() : null;
        } while (cursor != null);
        return all;
    }
}
