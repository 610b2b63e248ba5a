package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The crowdtesting read models rebuilt from the event store equal the live ones, row for row. */
class CrowdtestingRebuildIT extends IntegrationTest {
    private static final List<String> READ_MODELS = List.of("campaign-view", "bug-view", "tester-view",
            "earning-view", "campaign-analytics");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rebuildingTheCrowdtestingReadModelsReproducesThem() {
        Crowdtesting crowd = new Crowdtesting(api);
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered ann = crowd.tester("test", "web", "ios");
        TestAccounts.Registered bob = crowd.tester("test", "web");
        api.patch("/v1/testers/me").key(ann.key()).body(Map.of("devices", List.of("Pixel 8"), "country", "FR")).send();
        String campaign = crowd.active(owner.key(), "platform", "web", "currency", "EUR", "description", "Checkout");
        String paused = crowd.active(owner.key(), "platform", "web");
        crowd.draft(owner.key());
        ok(api.patch("/v1/campaigns/" + campaign).key(owner.key()).body(Map.of("testersRequired", 9)).send());
        for (TestAccounts.Registered tester : List.of(ann, bob)) {
            ok(crowd.join(tester.key(), campaign));
        }
        ok(crowd.join(ann.key(), paused));
        ok(crowd.move(owner.key(), paused, "pause"));

        String original = crowd.reported(ann.key(), campaign, "Crash", "critical");
        String verified = crowd.reported(ann.key(), campaign, "Wrong total", "high");
        String duplicate = crowd.reported(bob.key(), campaign, "Crash again", "high");
        String outOfScope = crowd.reported(bob.key(), campaign, "Slow", "low");
        crowd.reported(bob.key(), campaign, "Untouched", "medium");
        for (String bug : List.of(original, verified, duplicate, outOfScope)) {
            crowd.bugMovedTo(owner.key(), bug, "triaged");
        }
        crowd.bugMovedTo(owner.key(), original, "accepted");
        for (String status : List.of("accepted", "fixed", "verified")) {
            crowd.bugMovedTo(owner.key(), verified, status);
        }
        ok(crowd.changeBug(owner.key(), duplicate, Map.of("status", "rejected", "resolution", "duplicate",
                "duplicateOf", original)));
        ok(crowd.changeBug(owner.key(), outOfScope, Map.of("status", "rejected", "resolution", "out_of_scope")));
        JsonNode analytics = crowd.analytics(owner.key(), campaign);
        JsonNode annEarnings = crowd.earnings(ann.key());
        assertThat(annEarnings).hasSize(2);

        Map<String, List<String>> tables = tablesOf(READ_MODELS);
        for (String readModel : READ_MODELS) {
            Map<String, List<Map<String, Object>>> live = ReadModelRows.snapshot(jdbc, tables.get(readModel));
            assertThat(live.values()).as(readModel).allSatisfy(rows -> assertThat(rows).isNotEmpty());

            ApiClient.Response rebuilt = api.post("/admin/read-models/" + readModel + "/rebuild")
                    .key(TestInfrastructure.ADMIN_TOKEN).send();
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
            assertThat(rebuilt.data().path("eventsReplayed").asLong()).isPositive();
            assertThat(ReadModelRows.snapshot(jdbc, tables.get(readModel))).as(readModel).isEqualTo(live);
        }
        assertThat(crowd.analytics(owner.key(), campaign)).isEqualTo(analytics);
        assertThat(crowd.earnings(ann.key())).isEqualTo(annEarnings);
    }

    private Map<String, List<String>> tablesOf(List<String> names) {
        ApiClient.Response list = api.get("/admin/read-models").key(TestInfrastructure.ADMIN_TOKEN).send();
        assertThat(list.status()).isEqualTo(200);
        Map<String, List<String>> tables = new java.util.HashMap<>();
        for (JsonNode readModel : list.data()) {
            List<String> its = new ArrayList<>();
            readModel.path("tables").forEach(t -> its.add(t.asText()));
            tables.put(readModel.path("name").asText(), its);
        }
        assertThat(tables).containsKeys(names.toArray(String[]::new));
        assertThat(tables.get("campaign-analytics")).containsExactlyInAnyOrder("analytics_bugs", "analytics_campaigns",
                "analytics_cohorts", "analytics_days");
        assertThat(tables.get("tester-view")).containsExactlyInAnyOrder("tester_bugs", "tester_profiles");
        return tables;
    }
}
