package com.crowdledger.it;

import static com.crowdledger.it.Playtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Races for slots, credit, invoice numbers and payouts: every one ends as some sequential order would. */
class PlaytestConcurrencyIT extends IntegrationTest {
    private static final int TESTERS = 50;
    private static final int SLOTS = 10;
    private static final int RACERS = 20;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private Playtesting play;

    @BeforeEach
    void play() {
        play = new Playtesting(api);
    }

    @Test
    void fiftyTestersRacingForTenSlotsMakeExactlyTenReservations() throws Exception {
        String key = play.owner("test").key();
        String playtestId = play.ordered(key, play.game(key), "quantity", SLOTS).path("id").asText();
        List<String> slots = play.slotIds(key, playtestId);
        List<TestAccounts.Registered> testers = new ArrayList<>();
        for (int i = 0; i < TESTERS; i++) {
            testers.add(play.tester("test"));
        }

        List<ApiClient.Response> claims = AllAtOnce.send(TESTERS,
                i -> play.claim(testers.get(i).key(), slots.get(i % SLOTS)));

        assertThat(claims).filteredOn(r -> r.status() == 200).hasSize(SLOTS);
        assertThat(claims).filteredOn(r -> r.status() == 409).hasSize(TESTERS - SLOTS);
        assertThat(events(playtestId, "SlotClaimedEvent")).isEqualTo(SLOTS);
        JsonNode playtest = ok(api.get("/v1/playtests/" + playtestId).key(key).send());
        assertThat(playtest.path("slots").path("reserved").asInt()).isEqualTo(SLOTS);
        assertThat(jdbc.queryForObject("select count(distinct tester_account_id) from playtest_slots"
                + " where playtest_id = ? and status = 'RESERVED'", Integer.class, playtestId)).isEqualTo(SLOTS);
    }

    @Test
    void aTesterRacingForEverySlotGetsOne() throws Exception {
        String key = play.owner("test").key();
        String playtestId = play.ordered(key, play.game(key), "quantity", SLOTS).path("id").asText();
        List<String> slots = play.slotIds(key, playtestId);
        TestAccounts.Registered tester = play.tester("test");

        List<ApiClient.Response> claims = AllAtOnce.send(SLOTS, i -> play.claim(tester.key(), slots.get(i)));

        assertThat(claims).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(events(playtestId, "SlotClaimedEvent")).isEqualTo(1);
    }

    @Test
    void twentyParallelPrivateOrdersAgainstCreditForTenMakeExactlyTen() throws Exception {
        String key = play.owner("live").key();
        play.credited(key, SLOTS * 1_000L);
        String game = play.game(key);
        String tester = play.testerId(play.tester("live"));

        List<ApiClient.Response> orders = AllAtOnce.send(RACERS, i -> play.order(key, game, "visibility", "private",
                "quantity", 1, "invitedTesters", List.of(tester)));

        assertThat(orders).filteredOn(r -> r.status() == 201).hasSize(SLOTS);
        assertThat(orders).filteredOn(r -> r.status() == 402).hasSize(RACERS - SLOTS)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("PAYMENT_REQUIRED"));
        assertThat(ok(api.get("/v1/games/" + game + "/playtests?limit=100").key(key).send())).hasSize(SLOTS);
        assertThat(play.balance(key)).isZero();
        assertThat(play.ledgerSum(key)).isZero();
    }

    @Test
    void twentyConcurrentTopUpsGetTwentyConsecutiveInvoiceNumbers() throws Exception {
        String key = play.owner("live").key();

        List<ApiClient.Response> topUps = AllAtOnce.send(RACERS, i -> play.topUp(key, 100 + i, "pm_card_visa"));

        assertThat(topUps).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        List<String> numbers = topUps.stream().map(r -> r.data().path("invoiceNumber").asText()).sorted().toList();
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, RACERS)
                .mapToObj(n -> String.format("INV-%06d", n)).toList());
        assertThat(play.balance(key)).isEqualTo(IntStream.range(0, RACERS).map(i -> 100 + i).sum());
    }

    @Test
    void concurrentTopUpsOfTwoAmountsUnderOneIdempotencyKeyPayOneAmountOnce() throws Exception {
        String key = play.owner("live").key();
        IntFunction<Integer> asked = i -> i % 2 == 0 ? 5_000 : 1;

        List<ApiClient.Response> topUps = AllAtOnce.send(RACERS, i -> api.post("/v1/billing/credit").key(key)
                .header("Idempotency-Key", "one-key-two-amounts")
                .body(Map.of("amountCents", asked.apply(i), "paymentMethod", "pm_card_visa")).send());

        long paid = topUps.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                .data().path("amountCents").asLong();
        for (int i = 0; i < RACERS; i++) {
            ApiClient.Response answer = topUps.get(i);
            if (asked.apply(i) == paid) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                assertThat(answer.data().path("amountCents").asLong()).isEqualTo(paid);
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
                assertThat(answer.errorCode()).isEqualTo("IDEMPOTENCY_MISMATCH");
            }
        }
        assertThat(play.balance(key)).isEqualTo(paid);
        assertThat(ok(api.get("/v1/billing/payments").key(key).send())).hasSize(1);
    }

    @Test
    void twentyParallelAcceptsMakeOneEarningAndOneCharge() throws Exception {
        parallelAccepts(List.of(api));
    }

    @Test
    void twentyParallelAcceptsOnTwoNodesMakeOneEarningAndOneCharge() throws Exception {
        parallelAccepts(List.of(api, SecondInstance.api(dataSource)));
    }

    private void parallelAccepts(List<ApiClient> nodes) throws Exception {
        String key = play.owner("live").key();
        play.credited(key, 5_000);
        String playtestId = play.ordered(key, play.game(key), "quantity", 1).path("id").asText();
        String slot = play.slotIds(key, playtestId).get(0);
        TestAccounts.Registered tester = play.tester("live");
        play.claimedAndSubmitted(tester.key(), slot);
        for (ApiClient node : nodes) {
            assertThat(node.fromAnotherAddress().get("/v1/auth/me").key(key).send().status()).isEqualTo(200);
        }

        List<ApiClient.Response> accepts = AllAtOnce.send(RACERS,
                i -> new Playtesting(nodes.get(i % nodes.size())).accept(key, slot));

        assertThat(accepts).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.data().path("status").asText()).isEqualTo("accepted");
        });
        assertThat(ok(api.get("/v1/testers/me/earnings").key(tester.key()).send())).hasSize(1);
        assertThat(events(playtestId, "TesterEarningRecordedEvent")).isEqualTo(1);
        assertThat(play.balance(key)).as("the public slot's cost, once").isEqualTo(4_000);
    }

    private int events(String aggregateId, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like ?", Integer.class, aggregateId, "%." + type);
    }
}
