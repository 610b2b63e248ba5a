package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole crowdtesting story through the API: an owner creates and launches a campaign, two testers find it and
 * join, report bugs; the owner triages them, accepts some and rejects one as a duplicate; earnings, ratings and
 * analytics then add up.
 */
class CrowdtestingStoryIT extends IntegrationTest {
    private Crowdtesting crowd;

    @BeforeEach
    void crowd() {
        crowd = new Crowdtesting(api);
    }

    @Test
    void campaignFromLaunchToAnalytics() {
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered ann = crowd.tester("test", "ios", "android");
        TestAccounts.Registered bob = crowd.tester("test", "ios");

        // the owner creates a campaign (the seed's own body) and launches it
        ApiClient.Response created = api.post("/v1/campaigns").key(owner.key()).body("""
                {"name": "iOS Login Test", "platform": "ios", "testersRequired": 5, "rewardPerBug": 4.00}""").send();
        assertThat(created.status()).isEqualTo(201);
        String campaign = created.data().path("id").asText();
        assertThat(created.data().path("status").asText()).isEqualTo("draft");
        assertThat(created.data().path("rewardPerBug").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(created.data().path("currency").asText()).isEqualTo("USD");
        assertThat(ok(crowd.move(owner.key(), campaign, "launch")).path("status").asText()).isEqualTo("active");

        // the testers find it among open campaigns on their platforms, and join
        for (TestAccounts.Registered tester : List.of(ann, bob)) {
            assertThat(openCampaignIds(tester.key())).contains(campaign);
            JsonNode membership = ok(crowd.join(tester.key(), campaign));
            assertThat(membership.path("status").asText()).isEqualTo("joined");
            assertThat(membership.path("testerId").asText()).isEqualTo(crowd.testerId(tester));
            assertThat(openCampaignIds(tester.key())).doesNotContain(campaign);
        }
        assertThat(ok(api.get("/v1/campaigns/" + campaign).key(owner.key()).send()).path("testersJoined").asInt())
                .isEqualTo(2);

        // they report bugs
        String crash = crowd.reported(ann.key(), campaign, "Crash on login", "critical");
        String typo = crowd.reported(ann.key(), campaign, "Typo on the button", "low");
        String sameCrash = crowd.reported(bob.key(), campaign, "App closes when logging in", "high");
        JsonNode reported = ok(api.get("/v1/bugs/" + crash).key(ann.key()).send());
        assertThat(reported.path("status").asText()).isEqualTo("new");
        assertThat(reported.path("testerId").asText()).isEqualTo(crowd.testerId(ann));

        // the owner triages all three, accepts Ann's, and rejects Bob's as a duplicate of Ann's crash
        Map<String, Instant> triagedAt = new TreeMap<>();
        for (String bug : List.of(crash, typo, sameCrash)) {
            triagedAt.put(bug, Instant.parse(crowd.bugMovedTo(owner.key(), bug, "triaged").path("updatedAt").asText()));
        }
        JsonNode accepted = crowd.bugMovedTo(owner.key(), crash, "accepted");
        crowd.bugMovedTo(owner.key(), typo, "accepted");
        JsonNode duplicate = ok(crowd.changeBug(owner.key(), sameCrash,
                Map.of("status", "rejected", "resolution", "duplicate", "duplicateOf", crash)));
        assertThat(accepted.path("status").asText()).isEqualTo("accepted");
        assertThat(duplicate.path("resolution").asText()).isEqualTo("duplicate");
        assertThat(duplicate.path("duplicateOf").asText()).isEqualTo(crash);
        assertThat(crowd.bugMovedTo(owner.key(), crash, "fixed").path("status").asText()).isEqualTo("fixed");

        // Ann earned the reward twice, Bob nothing; each sees only their own
        JsonNode annEarnings = crowd.earnings(ann.key());
        assertThat(annEarnings).hasSize(2);
        assertThat(annEarnings).allSatisfy(earning -> {
            assertThat(earning.path("campaignId").asText()).isEqualTo(campaign);
            assertThat(earning.path("amount").decimalValue()).isEqualByComparingTo("4.00");
            assertThat(earning.path("currency").asText()).isEqualTo("USD");
            assertThat(earning.path("status").asText()).isEqualTo("pending");
            assertThat(earning.path("id").asText()).startsWith("earn_");
        });
        assertThat(annEarnings).extracting(e -> e.path("bugId").asText()).containsExactlyInAnyOrder(crash, typo);
        assertThat(crowd.earnings(bob.key())).isEmpty();

        // ratings: Ann 2 accepted of 2 triaged; Bob's only bug was a duplicate, which does not count
        JsonNode testers = ok(api.get("/v1/testers?platform=ios&limit=100").key(owner.key()).send());
        JsonNode annProfile = byId(testers, crowd.testerId(ann));
        assertThat(annProfile.path("acceptedBugs").asInt()).isEqualTo(2);
        assertThat(annProfile.path("rating").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(byId(testers, crowd.testerId(bob)).path("rating").isNull()).isTrue();

        // analytics: the same facts, by arithmetic
        JsonNode analytics = crowd.analytics(owner.key(), campaign);
        assertThat(analytics.path("campaignId").asText()).isEqualTo(campaign);
        assertThat(analytics.path("bugs").path("total").asInt()).isEqualTo(3);
        JsonNode byStatus = analytics.path("bugs").path("byStatus");
        assertThat(byStatus.path("new").asInt()).isZero();
        assertThat(byStatus.path("triaged").asInt()).isZero();
        assertThat(byStatus.path("accepted").asInt()).isEqualTo(1);
        assertThat(byStatus.path("fixed").asInt()).isEqualTo(1);
        assertThat(byStatus.path("rejected").asInt()).isEqualTo(1);
        JsonNode bySeverity = analytics.path("bugs").path("bySeverity");
        assertThat(List.of(bySeverity.path("critical").asInt(), bySeverity.path("high").asInt(),
                bySeverity.path("medium").asInt(), bySeverity.path("low").asInt())).containsExactly(1, 1, 0, 1);
        // 2 accepted (one of them fixed since) of 3 decided
        assertThat(analytics.path("acceptanceRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(analytics.path("testers").path("joined").asInt()).isEqualTo(2);
        assertThat(analytics.path("testers").path("required").asInt()).isEqualTo(5);
        BigDecimal earned = StreamSupport.stream(annEarnings.spliterator(), false)
                .map(e -> e.path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(analytics.path("rewardSpend").path("amount").decimalValue()).isEqualByComparingTo(earned)
                .isEqualByComparingTo("8.00");
        assertThat(analytics.path("rewardSpend").path("currency").asText()).isEqualTo("USD");
        assertThat(analytics.path("medianTimeToTriageSeconds").decimalValue())
                .isEqualByComparingTo(medianSeconds(owner.key(), triagedAt));
        long reportedInSeries = 0;
        long acceptedInSeries = 0;
        for (JsonNode day : analytics.path("daily")) {
            reportedInSeries += day.path("reported").asLong();
            acceptedInSeries += day.path("accepted").asLong();
        }
        assertThat(reportedInSeries).isEqualTo(3);
        assertThat(acceptedInSeries).isEqualTo(2);
        assertThat(analytics.path("daily").get(analytics.path("daily").size() - 1).path("date").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

        // the owner's bug list filters
        assertThat(bugIds(owner.key(), "campaign=" + campaign)).containsExactlyInAnyOrder(crash, typo, sameCrash);
        assertThat(bugIds(owner.key(), "campaign=" + campaign + "&status=rejected")).containsExactly(sameCrash);
        assertThat(bugIds(owner.key(), "campaign=" + campaign + "&severity=low")).containsExactly(typo);
        assertThat(bugIds(owner.key(), "tester=" + crowd.testerId(bob))).containsExactly(sameCrash);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(bugIds(owner.key(), "campaign=" + campaign + "&from=" + today + "&to=" + today)).hasSize(3);
        assertThat(bugIds(owner.key(), "campaign=" + campaign + "&to=2020-01-01")).isEmpty();
        // a listed bug is the bug as its own route shows it, field for field (resolution and duplicateOf included)
        assertThat(ok(api.get("/v1/bugs?status=rejected&campaign=" + campaign).key(owner.key()).send()).get(0))
                .isEqualTo(ok(api.get("/v1/bugs/" + sameCrash).key(owner.key()).send()));
        // and each tester's: only their own
        assertThat(bugIds(ann.key(), "")).containsExactlyInAnyOrder(crash, typo);
        assertThat(bugIds(bob.key(), "campaign=" + campaign)).containsExactly(sameCrash);
        assertThat(api.get("/v1/bugs/" + crash).key(bob.key()).send().status()).isEqualTo(404);
    }

    /**
     * Billing's seam: in live mode the reward is charged to the owner's credit in the acceptance's transaction, so an
     * acceptance the credit does not cover is refused (402) and nothing changes.
     */
    @Test
    void acceptanceIsOneTransactionWithItsEarning() {
        TestAccounts.Registered owner = crowd.owner("live");
        TestAccounts.Registered tester = crowd.tester("live", "windows");
        String campaign = crowd.active(owner.key(), "platform", "windows");
        ok(crowd.join(tester.key(), campaign));
        String bug = crowd.reported(tester.key(), campaign, "Crash", "high");
        crowd.bugMovedTo(owner.key(), bug, "triaged");
        JsonNode before = crowd.analytics(owner.key(), campaign);

        ApiClient.Response refused = crowd.changeBug(owner.key(), bug, Map.of("status", "accepted"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
        assertThat(refused.errorCode()).isEqualTo("PAYMENT_REQUIRED");
        assertThat(ok(api.get("/v1/bugs/" + bug).key(owner.key()).send()).path("status").asText()).isEqualTo("triaged");
        assertThat(crowd.earnings(tester.key())).isEmpty();
        assertThat(crowd.analytics(owner.key(), campaign)).isEqualTo(before);

        ok(api.post("/v1/billing/credit").key(owner.key())
                .body(Map.of("amountCents", 400, "paymentMethod", "pm_card_visa")).send());
        assertThat(crowd.bugMovedTo(owner.key(), bug, "accepted").path("status").asText()).isEqualTo("accepted");
        assertThat(crowd.earnings(tester.key())).hasSize(1);
    }

    @Test
    void bugListPagesNewestFirstWithAFilter() {
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "web");
        String campaign = crowd.active(owner.key(), "platform", "web");
        ok(crowd.join(tester.key(), campaign));
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reported.add(0, crowd.reported(tester.key(), campaign, "Bug " + i, i % 2 == 0 ? "medium" : "low"));
        }

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = api.get("/v1/bugs?campaign=" + campaign + "&severity=medium&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).key(owner.key()).send();
            ok(page).forEach(bug -> walked.add(bug.path("id").asText()));
            cursor = page.json().path("meta").path("hasMore").asBoolean() ? page.json().path("meta").path("cursor")
                    .asText() : null;
        } while (cursor != null);
        assertThat(walked).containsExactly(reported.get(0), reported.get(2), reported.get(4));
    }

    @Test
    void duplicateMustNameABugOfTheSameCampaign() {
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "ios");
        String first = crowd.active(owner.key());
        String second = crowd.active(owner.key());
        ok(crowd.join(tester.key(), first));
        ok(crowd.join(tester.key(), second));
        String original = crowd.reported(tester.key(), first, "Crash", "high");
        String elsewhere = crowd.reported(tester.key(), second, "Crash too", "high");
        crowd.bugMovedTo(owner.key(), elsewhere, "triaged");

        for (String wrong : List.of(original, "bug_doesNotExist", elsewhere)) {
            ApiClient.Response refused = crowd.changeBug(owner.key(), elsewhere,
                    Map.of("status", "rejected", "resolution", "duplicate", "duplicateOf", wrong));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().path("error").path("details").get(0).path("field").asText())
                    .isEqualTo("duplicateOf");
        }
        ApiClient.Response withoutOriginal = crowd.changeBug(owner.key(), elsewhere,
                Map.of("status", "rejected", "resolution", "duplicate"));
        assertThat(withoutOriginal.status()).isEqualTo(422);
        assertThat(ok(api.get("/v1/bugs/" + elsewhere).key(owner.key()).send()).path("status").asText())
                .isEqualTo("triaged");
    }

    @Test
    void refusedMovesAnswer409NamingTheStatus() {
        TestAccounts.Registered owner = crowd.owner("test");
        String campaign = crowd.draft(owner.key());

        ApiClient.Response pause = crowd.move(owner.key(), campaign, "pause");
        assertThat(pause.status()).isEqualTo(409);
        assertThat(pause.errorCode()).isEqualTo("CONFLICT");
        assertThat(pause.json().path("error").path("message").asText()).contains("draft");

        ok(crowd.move(owner.key(), campaign, "launch"));
        ok(crowd.move(owner.key(), campaign, "pause"));
        ok(crowd.move(owner.key(), campaign, "resume"));
        ok(crowd.move(owner.key(), campaign, "complete"));
        ApiClient.Response cancel = crowd.move(owner.key(), campaign, "cancel");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().path("error").path("message").asText()).contains("completed");

        TestAccounts.Registered tester = crowd.tester("test", "ios");
        String paused = crowd.active(owner.key());
        ok(crowd.join(tester.key(), paused));
        ok(crowd.move(owner.key(), paused, "pause"));
        ApiClient.Response report = crowd.report(tester.key(), paused, "Crash", "high");
        assertThat(report.status()).isEqualTo(409);
        assertThat(report.json().path("error").path("message").asText()).contains("paused");
    }

    @Test
    void onlyDraftsAreFreelyEditable() {
        TestAccounts.Registered owner = crowd.owner("test");
        String campaign = crowd.draft(owner.key());
        JsonNode edited = ok(api.patch("/v1/campaigns/" + campaign).key(owner.key())
                .body(Map.of("name", "Android Login", "platform", "android", "rewardPerBug", "2.5", "currency", "EUR"))
                .send());
        assertThat(edited.path("name").asText()).isEqualTo("Android Login");
        assertThat(edited.path("rewardPerBug").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(edited.path("currency").asText()).isEqualTo("EUR");

        ok(crowd.move(owner.key(), campaign, "launch"));
        ApiClient.Response rename = api.patch("/v1/campaigns/" + campaign).key(owner.key())
                .body(Map.of("name", "Renamed")).send();
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("name");
        ApiClient.Response fewer = api.patch("/v1/campaigns/" + campaign).key(owner.key())
                .body(Map.of("testersRequired", 4)).send();
        assertThat(fewer.status()).isEqualTo(409);
        JsonNode more = ok(api.patch("/v1/campaigns/" + campaign).key(owner.key())
                .body(Map.of("testersRequired", 8, "description", "Also SSO")).send());
        assertThat(more.path("testersRequired").asInt()).isEqualTo(8);
        assertThat(more.path("description").asText()).isEqualTo("Also SSO");
    }

    @Test
    void campaignListFiltersByStatusAndPlatform() {
        TestAccounts.Registered owner = crowd.owner("test");
        String draftIos = crowd.draft(owner.key());
        String activeWeb = crowd.active(owner.key(), "platform", "web");
        String activeIos = crowd.active(owner.key());

        assertThat(campaignIds(owner.key(), "")).containsExactly(activeIos, activeWeb, draftIos);
        assertThat(campaignIds(owner.key(), "?status=active")).containsExactly(activeIos, activeWeb);
        assertThat(campaignIds(owner.key(), "?platform=ios")).containsExactly(activeIos, draftIos);
        assertThat(campaignIds(owner.key(), "?status=draft&platform=web")).isEmpty();
        assertThat(api.get("/v1/campaigns?status=finished").key(owner.key()).send().status()).isEqualTo(422);
    }

    @Test
    void everyFieldIsValidated() {
        TestAccounts.Registered owner = crowd.owner("test");
        Map<String, Object> valid = Map.of("name", "iOS", "platform", "ios", "testersRequired", 5, "rewardPerBug", 4);
        assertInvalid(owner.key(), with(valid, "name", " "), "name");
        assertInvalid(owner.key(), with(valid, "name", "n".repeat(201)), "name");
        assertInvalid(owner.key(), with(valid, "platform", "playstation"), "platform");
        assertInvalid(owner.key(), with(valid, "testersRequired", 0), "testersRequired");
        assertInvalid(owner.key(), with(valid, "testersRequired", 1001), "testersRequired");
        assertInvalid(owner.key(), with(valid, "testersRequired", 1.5), "testersRequired");
        assertInvalid(owner.key(), with(valid, "rewardPerBug", 0), "rewardPerBug");
        assertInvalid(owner.key(), with(valid, "rewardPerBug", -4), "rewardPerBug");
        assertInvalid(owner.key(), with(valid, "rewardPerBug", 4.001), "rewardPerBug");
        assertInvalid(owner.key(), with(valid, "rewardPerBug", "1e999999999"), "rewardPerBug");
        assertInvalid(owner.key(), with(valid, "rewardPerBug", "1e-999999999"), "rewardPerBug");
        assertInvalid(owner.key(), with(valid, "currency", "usd"), "currency");
        assertInvalid(owner.key(), with(valid, "currency", "XYZ"), "currency");
        assertInvalid(owner.key(), with(valid, "description", "d".repeat(5001)), "description");
        assertInvalid(owner.key(), with(valid, "status", "active"), "status");
        Map<String, Object> missing = new java.util.HashMap<>(valid);
        missing.remove("rewardPerBug");
        assertInvalid(owner.key(), missing, "rewardPerBug");

        ApiClient.Response malformed = api.post("/v1/campaigns").key(owner.key()).body("{\"name\": ").send();
        assertThat(malformed.status()).isEqualTo(400);
        ApiClient.Response huge = api.post("/v1/campaigns").key(owner.key())
                .body(Map.of("name", "x", "description", "d".repeat(1_100_000))).send();
        assertThat(huge.status()).isEqualTo(413);

        TestAccounts.Registered tester = crowd.tester("test", "ios");
        String campaign = crowd.active(owner.key());
        ok(crowd.join(tester.key(), campaign));
        ApiClient.Response noSteps = api.post("/v1/campaigns/" + campaign + "/bugs").key(tester.key())
                .body(Map.of("title", "Crash", "severity", "high")).send();
        assertThat(noSteps.status()).isEqualTo(422);
        ApiClient.Response badSeverity = api.post("/v1/campaigns/" + campaign + "/bugs").key(tester.key())
                .body(Map.of("title", "Crash", "severity", "blocker", "steps", "s")).send();
        assertThat(badSeverity.status()).isEqualTo(422);
        ApiClient.Response badCountry = api.patch("/v1/testers/me").key(tester.key())
                .body(Map.of("country", "ZZ")).send();
        assertThat(badCountry.status()).isEqualTo(422);
    }

    @Test
    void dateParametersAreValidated() {
        TestAccounts.Registered owner = crowd.owner("test");
        String campaign = crowd.active(owner.key());
        for (String list : List.of("/v1/bugs?", "/v1/analytics?campaign=" + campaign + "&")) {
            assertInvalidParameter(owner.key(), list + "from=2026-13-01", "from", "must be a date like 2026-11-23");
            assertInvalidParameter(owner.key(), list + "to=yesterday", "to", "must be a date like 2026-11-23");
            assertInvalidParameter(owner.key(), list + "from=1999-12-31", "from", "from the years 2000 to 9000");
            assertThat(api.get(list + "from=2026-11-01&to=").key(owner.key()).send().status()).isEqualTo(200);
        }
        assertInvalidParameter(owner.key(), "/v1/bugs?from=2026-11-02&to=2026-11-01", "to", "must not be before");
    }

    private void assertInvalidParameter(String ownerKey, String path, String field, String reason) {
        ApiClient.Response refused = api.get(path).key(ownerKey).send();
        assertThat(refused.status()).as(path + " → " + refused).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.json().path("error").path("details").get(0).path("field").asText()).isEqualTo(field);
        assertThat(refused.json().path("error").path("details").get(0).path("message").asText()).contains(reason);
    }

    private void assertInvalid(String ownerKey, Map<String, Object> body, String field) {
        ApiClient.Response refused = api.post("/v1/campaigns").key(ownerKey).body(body).send();
        assertThat(refused.status()).as(body + " → " + refused).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.json().path("error").path("details").toString()).as(refused.toString()).contains(field);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new java.util.HashMap<>(base);
        body.put(field, value);
        return body;
    }

    /** The median of whole seconds from report to triage, as the bugs' own timestamps say. */
    private BigDecimal medianSeconds(String ownerKey, Map<String, Instant> triagedAt) {
        List<Long> seconds = new ArrayList<>();
        triagedAt.forEach((bug, at) -> seconds.add(Duration.between(Instant.parse(
                ok(api.get("/v1/bugs/" + bug).key(ownerKey).send()).path("createdAt").asText()), at).getSeconds()));
        seconds.sort(Long::compare);
        return BigDecimal.valueOf(seconds.get(seconds.size() / 2)); // three bugs: the middle one
    }

    private List<String> openCampaignIds(String testerKey) {
        List<String> ids = new ArrayList<>();
        ok(api.get("/v1/campaigns/open?limit=100").key(testerKey).send()).forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private List<String> bugIds(String key, String query) {
        List<String> ids = new ArrayList<>();
        ok(api.get("/v1/bugs?limit=100&" + query).key(key).send()).forEach(bug -> ids.add(bug.path("id").asText()));
        return ids;
    }

    private List<String> campaignIds(String ownerKey, String query) {
        List<String> ids = new ArrayList<>();
        ok(api.get("/v1/campaigns" + query).key(ownerKey).send()).forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static JsonNode byId(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " is not among " + items);
    }
}
