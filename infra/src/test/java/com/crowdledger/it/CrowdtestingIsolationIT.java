package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walls around crowdtesting data: another account sees none of it (404 on every id route, absent from lists), the
 * other mode is another world, and each route needs its scope.
 */
class CrowdtestingIsolationIT extends IntegrationTest {
    private static final String UNKNOWN_BUG = "bug_" + "0".repeat(22);
    private static final String UNKNOWN_CAMPAIGN = "camp_" + "0".repeat(22);

    private Crowdtesting crowd;

    @BeforeEach
    void crowd() {
        crowd = new Crowdtesting(api);
    }

    @Test
    void anotherAccountGets404OnEveryIdRoute() {
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered stranger = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "ios");
        TestAccounts.Registered otherTester = crowd.tester("test", "ios");
        String campaign = crowd.active(owner.key());
        ok(crowd.join(tester.key(), campaign));
        String bug = crowd.reported(tester.key(), campaign, "Crash", "high");

        List<ApiClient.Call> strangers = new ArrayList<>(List.of(
                api.get("/v1/campaigns/" + campaign),
                api.patch("/v1/campaigns/" + campaign).body(Map.of("description", "mine now")),
                api.get("/v1/bugs/" + bug),
                api.patch("/v1/bugs/" + bug).body(Map.of("status", "triaged")),
                api.get("/v1/analytics?campaign=" + campaign)));
        for (String transition : List.of("launch", "pause", "resume", "complete", "cancel")) {
            strangers.add(api.post("/v1/campaigns/" + campaign + "/" + transition));
        }
        for (ApiClient.Call call : strangers) {
            ApiClient.Response response = call.key(stranger.key()).send();
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        }
        assertThat(ok(api.get("/v1/campaigns?limit=100").key(stranger.key()).send())).isEmpty();
        assertThat(ok(api.get("/v1/bugs?campaign=" + campaign).key(stranger.key()).send())).isEmpty();
        // word for word as an id that names nothing
        assertThat(crowd.changeBug(stranger.key(), bug, Map.of("status", "triaged")).error())
                .isEqualTo(crowd.changeBug(stranger.key(), UNKNOWN_BUG, Map.of("status", "triaged")).error());
        // a tester reports only to a campaign it joined: any other answers as one that does not exist
        ApiClient.Response notJoined = crowd.report(otherTester.key(), campaign, "Crash", "high");
        assertThat(notJoined.status()).as(notJoined.toString()).isEqualTo(404);
        assertThat(notJoined.error())
                .isEqualTo(crowd.report(otherTester.key(), UNKNOWN_CAMPAIGN, "Crash", "high").error());

        // a tester sees its own bugs only; another tester's bug does not exist for it
        assertThat(api.get("/v1/bugs/" + bug).key(otherTester.key()).send().status()).isEqualTo(404);
        assertThat(ok(api.get("/v1/bugs?campaign=" + campaign).key(otherTester.key()).send())).isEmpty();
        // and only its own earnings
        crowd.bugMovedTo(owner.key(), bug, "triaged");
        crowd.bugMovedTo(owner.key(), bug, "accepted");
        assertThat(crowd.earnings(tester.key())).hasSize(1);
        assertThat(crowd.earnings(otherTester.key())).isEmpty();

        // nothing changed on the way
        assertThat(ok(api.get("/v1/campaigns/" + campaign).key(owner.key()).send()).path("status").asText())
                .isEqualTo("active");
    }

    @Test
    void testModeCampaignIsInvisibleToLiveKeys() {
        TestAccounts.Registered owner = crowd.owner("test");
        String ownersLiveKey = crowd.keyInMode(owner, "live", List.of("campaigns"));
        String campaign = crowd.active(owner.key());
        TestAccounts.Registered testTester = crowd.tester("test", "ios");
        ok(crowd.join(testTester.key(), campaign));
        String bug = crowd.reported(testTester.key(), campaign, "Crash", "high");
        String testersLiveKey = crowd.keyInMode(testTester, "live", List.of("tester"));

        // the same owner, with a live key
        assertThat(api.get("/v1/campaigns/" + campaign).key(ownersLiveKey).send().status()).isEqualTo(404);
        assertThat(api.post("/v1/campaigns/" + campaign + "/pause").key(ownersLiveKey).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/bugs/" + bug).key(ownersLiveKey).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/analytics?campaign=" + campaign).key(ownersLiveKey).send().status()).isEqualTo(404);
        assertThat(ok(api.get("/v1/campaigns?limit=100").key(ownersLiveKey).send())).isEmpty();
        assertThat(ok(api.get("/v1/bugs?campaign=" + campaign).key(ownersLiveKey).send())).isEmpty();

        // the same tester, with a live key: a profile of its own, and the test campaign is nowhere
        ApiClient.Response liveProfile = api.patch("/v1/testers/me").key(testersLiveKey)
                .body(Map.of("platforms", List.of("ios"))).send();
        assertThat(ok(liveProfile).path("id").asText()).isNotEqualTo(crowd.testerId(testTester));
        List<String> liveOpen = new ArrayList<>();
        ok(api.get("/v1/campaigns/open?limit=100").key(testersLiveKey).send())
                .forEach(c -> liveOpen.add(c.path("id").asText()));
        assertThat(liveOpen).doesNotContain(campaign);
        assertThat(crowd.join(testersLiveKey, campaign).status()).isEqualTo(404);
        assertThat(crowd.report(testersLiveKey, campaign, "Crash", "high").status()).isEqualTo(404);
        assertThat(api.get("/v1/bugs/" + bug).key(testersLiveKey).send().status()).isEqualTo(404);
        assertThat(ok(api.get("/v1/bugs").key(testersLiveKey).send())).isEmpty();
        // and owners of the live world do not list test testers
        List<String> liveTesters = new ArrayList<>();
        ok(api.get("/v1/testers?limit=100").key(ownersLiveKey).send())
                .forEach(t -> liveTesters.add(t.path("id").asText()));
        assertThat(liveTesters).doesNotContain(crowd.testerId(testTester));
    }

    @Test
    void eachRouteNeedsItsScope() {
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "ios");
        String campaign = crowd.active(owner.key());
        ok(crowd.join(tester.key(), campaign));
        String bug = crowd.reported(tester.key(), campaign, "Crash", "high");
        String keysOnly = accounts.issueKey(owner.key(), "keys only", List.of("keys"), "test").data().path("key")
                .asText();
        warmUp(keysOnly);

        // an owner's key without the campaigns scope
        for (ApiClient.Call call : List.of(
                api.get("/v1/campaigns"),
                api.post("/v1/campaigns").body(Map.of("name", "x", "platform", "ios", "testersRequired", 1,
                        "rewardPerBug", 1)),
                api.get("/v1/campaigns/" + campaign),
                api.post("/v1/campaigns/" + campaign + "/pause"),
                api.get("/v1/bugs"),
                api.patch("/v1/bugs/" + bug).body(Map.of("status", "triaged")),
                api.get("/v1/testers"),
                api.get("/v1/analytics?campaign=" + campaign))) {
            assertForbidden(call.key(keysOnly).send());
        }
        // tester routes need the tester scope, which owners never hold
        for (ApiClient.Call call : List.of(
                api.get("/v1/campaigns/open"),
                api.post("/v1/campaigns/" + campaign + "/join"),
                api.post("/v1/campaigns/" + campaign + "/bugs").body(Map.of("title", "t", "severity", "low",
                        "steps", "s")),
                api.get("/v1/testers/me"),
                api.patch("/v1/testers/me").body(Map.of("country", "DE")),
                api.get("/v1/testers/me/earnings"))) {
            assertForbidden(call.key(owner.key()).send());
        }
        // and owner routes are not a tester's
        for (ApiClient.Call call : List.of(
                api.post("/v1/campaigns").body(Map.of("name", "x", "platform", "ios", "testersRequired", 1,
                        "rewardPerBug", 1)),
                api.post("/v1/campaigns/" + campaign + "/complete"),
                api.patch("/v1/bugs/" + bug).body(Map.of("status", "triaged")),
                api.get("/v1/testers"),
                api.get("/v1/analytics?campaign=" + campaign))) {
            assertForbidden(call.key(tester.key()).send());
        }
        assertThat(ok(api.get("/v1/bugs/" + bug).key(owner.key()).send()).path("status").asText()).isEqualTo("new");
    }

    private void warmUp(String key) {
        // a key's first use on a node is charged to its client's address: keep it off this test's address
        assertThat(api.fromAnotherAddress().get("/v1/auth/me").key(key).send().status()).isEqualTo(200);
    }

    private static void assertForbidden(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
    }
}
