package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Races through HTTP, on one node and on two nodes sharing the database: testers racing for a campaign's last
 * places, an owner accepting one bug many times at once, and two bugs marked as each other's duplicate at once.
 */
class CrowdtestingConcurrencyIT extends IntegrationTest {
    private static final int TESTERS = 50;
    private static final int PLACES = 10;
    private static final int ACCEPTS = 20;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private Crowdtesting crowd;

    @BeforeEach
    void crowd() {
        crowd = new Crowdtesting(api);
    }

    @Test
    void fiftyTestersRacingForTenPlacesMakeExactlyTenMembers() throws Exception {
        raceForPlaces(List.of(api));
    }

    @Test
    void fiftyTestersRacingOnTwoNodesMakeExactlyTenMembers() throws Exception {
        raceForPlaces(List.of(api, SecondInstance.api(dataSource)));
    }

    @Test
    void twentyParallelAcceptsMakeOneEarning() throws Exception {
        parallelAccepts(List.of(api));
    }

    @Test
    void twentyParallelAcceptsOnTwoNodesMakeOneEarning() throws Exception {
        parallelAccepts(List.of(api, SecondInstance.api(dataSource)));
    }

    /**
     * Pairs of bugs, each marked the duplicate of the other at the same moment: at most one of each pair becomes a
     * duplicate, so an original always remains (without the campaign's lock, both pass their check).
     */
    @Test
    void twoBugsMarkedEachOthersDuplicateAtOnceLeaveAnOriginal() throws Exception {
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "web");
        String campaign = crowd.active(owner.key(), "platform", "web");
        ok(crowd.join(tester.key(), campaign));
        int pairs = 10;
        List<String> bugs = new ArrayList<>();
        for (int i = 0; i < 2 * pairs; i++) {
            String bug = crowd.reported(tester.key(), campaign, "Crash " + i, "low");
            crowd.bugMovedTo(owner.key(), bug, "triaged");
            bugs.add(bug);
        }

        List<ApiClient.Response> marks = AllAtOnce.send(2 * pairs, i -> crowd.changeBug(owner.key(), bugs.get(i),
                Map.of("status", "rejected", "resolution", "duplicate", "duplicateOf", bugs.get(i ^ 1))));

        for (int pair = 0; pair < pairs; pair++) {
            List<ApiClient.Response> both = List.of(marks.get(2 * pair), marks.get(2 * pair + 1));
            assertThat(both).as("pair " + pair).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(both).filteredOn(r -> r.status() == 422).hasSize(1);
        }
    }

    private void raceForPlaces(List<ApiClient> nodes) throws Exception {
        TestAccounts.Registered owner = crowd.owner("test");
        String campaign = crowd.active(owner.key(), "testersRequired", PLACES, "platform", "linux");
        List<TestAccounts.Registered> testers = crowd.testers(TESTERS, "test", "linux");
        warmUp(nodes, testers);

        List<ApiClient.Response> joins = AllAtOnce.send(TESTERS, i -> crowd(nodes.get(i % nodes.size()))
                .join(testers.get(i).key(), campaign));

        assertThat(joins).filteredOn(r -> r.status() == 201).hasSize(PLACES);
        assertThat(joins).filteredOn(r -> r.status() == 409).hasSize(TESTERS - PLACES)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("CONFLICT"));
        assertThat(ok(api.get("/v1/campaigns/" + campaign).key(owner.key()).send()).path("testersJoined").asInt())
                .isEqualTo(PLACES);
        assertThat(jdbc.queryForObject("select count(*) from campaign_members where campaign_id = ?", Integer.class,
                campaign)).isEqualTo(PLACES);
        assertThat(events(campaign, "TesterJoinedCampaignEvent")).isEqualTo(PLACES);
        assertThat(crowd.analytics(owner.key(), campaign).path("testers").path("joined").asInt()).isEqualTo(PLACES);
        // the winners are members: they report; the others are not
        long reporting = testers.stream()
                .filter(tester -> crowd.report(tester.key(), campaign, "Crash", "low").status() == 201).count();
        assertThat(reporting).isEqualTo(PLACES);
    }

    private void parallelAccepts(List<ApiClient> nodes) throws Exception {
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "macos");
        String campaign = crowd.active(owner.key(), "platform", "macos", "rewardPerBug", "7.25");
        ok(crowd.join(tester.key(), campaign));
        String bug = crowd.reported(tester.key(), campaign, "Crash", "critical");
        crowd.bugMovedTo(owner.key(), bug, "triaged");
        for (ApiClient node : nodes) {
            assertThat(node.fromAnotherAddress().get("/v1/auth/me").key(owner.key()).send().status()).isEqualTo(200);
        }

        List<ApiClient.Response> accepts = AllAtOnce.send(ACCEPTS, i -> crowd(nodes.get(i % nodes.size()))
                .changeBug(owner.key(), bug, Map.of("status", "accepted")));

        // each answer is the accepted bug: the first accepted it, the others found it accepted
        assertThat(accepts).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.data().path("status").asText()).isEqualTo("accepted");
        });
        JsonNode earnings = crowd.earnings(tester.key());
        assertThat(earnings).hasSize(1);
        assertThat(earnings.get(0).path("amount").decimalValue()).isEqualByComparingTo("7.25");
        assertThat(events(bug, "TesterEarningRecordedEvent")).isEqualTo(1);
        assertThat(events(bug, "BugAcceptedEvent")).isEqualTo(1);
        JsonNode analytics = crowd.analytics(owner.key(), campaign);
        assertThat(analytics.path("rewardSpend").path("amount").decimalValue()).isEqualByComparingTo("7.25");
        assertThat(analytics.path("bugs").path("byStatus").path("accepted").asInt()).isEqualTo(1);
    }

    /** Every tester's key verified on every node beforehand, from addresses of their own: the race is the joins. */
    private static void warmUp(List<ApiClient> nodes, List<TestAccounts.Registered> testers) {
        for (ApiClient node : nodes) {
            for (TestAccounts.Registered tester : testers) {
                assertThat(node.fromAnotherAddress().get("/v1/testers/me").key(tester.key()).send().status())
                        .isEqualTo(200);
            }
        }
    }

    private static Crowdtesting crowd(ApiClient node) {
        return new Crowdtesting(node);
    }

    private int events(String aggregateId, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like ?", Integer.class, aggregateId, "%." + type);
    }
}
