package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;

/**
 * The playtesting and billing calls the integration tests make, as a client makes them: owners with credit and
 * games, playtest orders, slots claimed, submitted and reviewed, and the billing reads.
 */
final class Playtesting {
    private final ApiClient api;
    private final Crowdtesting crowd;

    Playtesting(ApiClient api) {
        this.api = api;
        this.crowd = new Crowdtesting(api);
    }

    /** A verified owner with a key of the mode (every owner scope), from an address of its own. */
    TestAccounts.Registered owner(String mode) {
        return crowd.owner(mode);
    }

    /** A verified tester with a key of the mode and a profile; its profile id is {@link #testerId}. */
    TestAccounts.Registered tester(String mode) {
        return crowd.tester(mode, "windows");
    }

    ApiClient api() {
        return api;
    }

    String testerId(TestAccounts.Registered tester) {
        return crowd.testerId(tester);
    }

    /** A key of the owner's account with the given scopes, in the owner's mode. */
    String key(TestAccounts.Registered owner, String mode, List<String> scopes) {
        return crowd.keyInMode(owner, mode, scopes);
    }

    ApiClient.Response topUp(String key, long cents, String paymentMethod) {
        return api.post("/v1/billing/credit").key(key)
                .body(Map.of("amountCents", cents, "paymentMethod", paymentMethod)).send();
    }

    /** Credit bought with the sandbox's succeeding card; the payment. */
    JsonNode credited(String key, long cents) {
        return ok(topUp(key, cents, "pm_card_visa"));
    }

    /** A game on windows; its id. */
    String game(String key) {
        ApiClient.Response game = api.post("/v1/games").key(key)
                .body(Map.of("title", "Space Farm", "platforms", List.of("windows"), "genre", "simulation",
                        "builds", List.of(Map.of("platform", "windows", "version", "0.9.1",
                                "url", "https://downloads.example.com/space-farm-0.9.1.zip"))))
                .send();
        assertThat(game.status()).as(game.toString()).isEqualTo(201);
        return game.data().path("id").asText();
    }

    /**
     * Orders a playtest; {@code fields} replace or add to a valid public order of 2 slots at 10.00 USD paying 6.00.
     */
    ApiClient.Response order(String key, String gameId, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "First session", "visibility", "public",
                "quantity", 2, "durationMinutes", 60, "playerCount", 1, "costPerSlotCents", 1000,
                "payoutCents", 600));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return api.post("/v1/games/" + gameId + "/playtests").key(key).body(body).send();
    }

    /** An ordered playtest (201 expected). */
    JsonNode ordered(String key, String gameId, Object... fields) {
        ApiClient.Response order = order(key, gameId, fields);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return order.data();
    }

    /** The ids of a playtest's slots, as its owner lists them. */
    List<String> slotIds(String ownerKey, String playtestId) {
        List<String> ids = new ArrayList<>();
        ok(api.get("/v1/playtests/" + playtestId + "/slots?limit=100").key(ownerKey).send())
                .forEach(slot -> ids.add(slot.path("id").asText()));
        return ids.stream().sorted().toList();
    }

    ApiClient.Response claim(String testerKey, String slotId) {
        return api.post("/v1/slots/" + slotId + "/claim").key(testerKey).send();
    }

    ApiClient.Response submit(String testerKey, String slotId) {
        return api.post("/v1/slots/" + slotId + "/submit").key(testerKey)
                .body(Map.of("videoUrl", "https://videos.example.com/session-1.mp4", "notes", "Fun, but the tutorial is long",
                        "answers", Map.of("Would you play again?", "Yes")))
                .send();
    }

    ApiClient.Response accept(String ownerKey, String slotId) {
        return api.post("/v1/slots/" + slotId + "/accept").key(ownerKey).send();
    }

    ApiClient.Response reject(String ownerKey, String slotId, String reason) {
        return api.post("/v1/slots/" + slotId + "/reject").key(ownerKey).body(Map.of("reason", reason)).send();
    }

    ApiClient.Response cancel(String ownerKey, String playtestId) {
        return api.post("/v1/playtests/" + playtestId + "/cancel").key(ownerKey).send();
    }

    /** A slot claimed and submitted by the tester (each step 200 expected). */
    void claimedAndSubmitted(String testerKey, String slotId) {
        ok(claim(testerKey, slotId));
        ok(submit(testerKey, slotId));
    }

    long balance(String key) {
        return ok(api.get("/v1/billing/balance").key(key).send()).path("balanceCents").asLong();
    }

    /** The sum of every ledger entry, read page by page. */
    long ledgerSum(String key) {
        long sum = 0;
        String cursor = null;
        do {
            ApiClient.Response page = api.get("/v1/billing/ledger?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .key(key).send();
            for (JsonNode entry : ok(page)) {
                sum += entry.path("amountCents").asLong();
            }
            cursor = page.json().path("meta").path("hasMore").asBoolean() ? page.json().path("meta").path("cursor")
                    .asText() : null;
        } while (cursor != null);
        return sum;
    }

    JsonNode stats(String key) {
        return ok(api.get("/v1/dashboard/stats").key(key).send());
    }

    static JsonNode ok(ApiClient.Response response) {
        return Crowdtesting.ok(response);
    }
}
