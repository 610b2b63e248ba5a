package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crowdtesting calls the integration tests make, as a client makes them: owners with campaigns, testers with
 * profiles (each registered from an address of its own, so registering many stays within the per-address limits),
 * bug reports and their moves.
 */
final class Crowdtesting {
    private final ApiClient api;

    Crowdtesting(ApiClient api) {
        this.api = api;
    }

    /** A verified owner with a key of the mode (registered from an address of its own). */
    TestAccounts.Registered owner(String mode) {
        ApiClient client = api.fromAnotherAddress();
        TestAccounts.Registered owner = new TestAccounts(client).verifiedOwner(mode);
        assertThat(client.get("/v1/auth/me").key(owner.key()).send().status()).isEqualTo(200);
        return owner;
    }

    /**
     * A verified tester with a key of the mode, testing on the platforms given. Registered, and its key first used
     * (which a node charges to the client's address), from an address of its own.
     */
    TestAccounts.Registered tester(String mode, String... platforms) {
        ApiClient client = api.fromAnotherAddress();
        TestAccounts accounts = new TestAccounts(client);
        TestAccounts.Registered tester = accounts.registerWithKey("tester", mode);
        accounts.verify(tester.email());
        ApiClient.Response profile = client.patch("/v1/testers/me").key(tester.key())
                .body(Map.of("platforms", List.of(platforms))).send();
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        return tester;
    }

    /** A key of the account in the given mode, issued by a dashboard session (a key only issues its own mode's). */
    String keyInMode(TestAccounts.Registered account, String mode, List<String> scopes) {
        ApiClient client = api.fromAnotherAddress();
        ApiClient.Response login = client.post("/v1/auth/login")
                .body(Map.of("email", account.email(), "password", TestAccounts.PASSWORD)).send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String key = ok(client.post("/v1/auth/api-keys").header("Cookie", login.header("Set-Cookie").split(";", 2)[0])
                .header("X-CSRF-Token", login.data().path("csrfToken").asText())
                .body(Map.of("name", mode + " key", "scopes", scopes, "mode", mode)).send()).path("key").asText();
        assertThat(client.get("/v1/auth/me").key(key).send().status()).isEqualTo(200); // first use, off the caller's address
        return key;
    }

    List<TestAccounts.Registered> testers(int count, String mode, String... platforms) {
        List<TestAccounts.Registered> testers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            testers.add(tester(mode, platforms));
        }
        return testers;
    }

    /** The profile id of a tester, in the mode of its key. */
    String testerId(TestAccounts.Registered tester) {
        return ok(api.get("/v1/testers/me").key(tester.key()).send()).path("id").asText();
    }

    /** A draft campaign; {@code fields} replace or add to a valid ios campaign of 5 places at 4.00 USD. */
    String draft(String ownerKey, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "iOS Login Test", "platform", "ios",
                "testersRequired", 5, "rewardPerBug", 4.00));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        ApiClient.Response created = api.post("/v1/campaigns").key(ownerKey).body(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().path("id").asText();
    }

    /** An active campaign, as {@link #draft} then launched. */
    String active(String ownerKey, Object... fields) {
        String campaignId = draft(ownerKey, fields);
        ok(move(ownerKey, campaignId, "launch"));
        return campaignId;
    }

    ApiClient.Response move(String ownerKey, String campaignId, String transition) {
        return api.post("/v1/campaigns/" + campaignId + "/" + transition).key(ownerKey).send();
    }

    ApiClient.Response join(String testerKey, String campaignId) {
        return api.post("/v1/campaigns/" + campaignId + "/join").key(testerKey).send();
    }

    ApiClient.Response report(String testerKey, String campaignId, String title, String severity) {
        return api.post("/v1/campaigns/" + campaignId + "/bugs").key(testerKey)
                .body(Map.of("title", title, "severity", severity, "steps", "1. Open the app\n2. Log in",
                        "expected", "Logged in", "actual", "Crash", "device", "iPhone 15"))
                .send();
    }

    /** A bug reported (201 expected); its id. */
    String reported(String testerKey, String campaignId, String title, String severity) {
        ApiClient.Response bug = report(testerKey, campaignId, title, severity);
        assertThat(bug.status()).as(bug.toString()).isEqualTo(201);
        return bug.data().path("id").asText();
    }

    ApiClient.Response changeBug(String ownerKey, String bugId, Map<String, String> fields) {
        return api.patch("/v1/bugs/" + bugId).key(ownerKey).body(fields).send();
    }

    JsonNode bugMovedTo(String ownerKey, String bugId, String status) {
        return ok(changeBug(ownerKey, bugId, Map.of("status", status)));
    }

    JsonNode analytics(String ownerKey, String campaignId) {
        return ok(api.get("/v1/analytics?campaign=" + campaignId).key(ownerKey).send());
    }

    JsonNode earnings(String testerKey) {
        return ok(api.get("/v1/testers/me/earnings?limit=100").key(testerKey).send());
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.data();
    }
}
