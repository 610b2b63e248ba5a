package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.command.tracking.conversion.RecordConversionPayoutCommand;
import com.crowdledger.it.TrackingFixtures.Offer;
import com.crowdledger.shared.web.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tracking's read models kept by tracking processors (the conversion list, the report rollups) rebuilt from the event
 * store: the same rows and the same report as before, and totals equal to the listed conversions, also when
 * postbacks keep arriving during the rebuild (nothing counted twice, nothing lost). The rollup per day and offer
 * (read by reports that neither filter nor group by partner) is the per-partner rollup summed, live and rebuilt.
 */
class TrackingRebuildIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void rebuiltReportAndConversionListEqualTheLiveOnes() {
        TrackingFixtures tracking = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        Offer first = tracking.offer("first", Map.of("holdDays", 0));
        Offer second = tracking.offer("second", Map.of("defaultRevenue", "12.34", "defaultPayout", "1.11"));
        tracking.partner("ann");
        tracking.partner("ben");
        List<String> conversions = new ArrayList<>();
        for (int visitor = 0; visitor < 4; visitor++) {
            ApiClient client = api.fromAnotherAddress();
            for (String offer : List.of("first", "second")) {
                String click = tracking.click(client, offer, visitor % 2 == 0 ? "ann" : "ben");
                tracking.click(client, offer, "ann");
                conversions.add(tracking.postbackByKey(Map.of("click_id", click, "txn_id", "t" + visitor,
                        "amount", visitor + ".25")).data().path("id").asText());
            }
        }
        api.patch("/v1/conversions/" + conversions.get(1)).key(tracking.key()).body(Map.of("status", "rejected"))
                .send();
        api.patch("/v1/conversions/" + conversions.get(2)).key(tracking.key()).body(Map.of("status", "reversed"))
                .send();
        commands.sendAndWait(new RecordConversionPayoutCommand(conversions.get(4),
                Tenant.account(tracking.owner().accountId()), "payout-batch-1"));
        // the conversion list is a tracking processor's: the conversion appears there a moment after its postback
        assertThat(TrackingFixtures.eventually(() -> api.get("/v1/conversions/" + conversions.get(4))
                .key(tracking.key()).send(), response -> response.status() == 200).status()).isEqualTo(200);

        JsonNode report = TrackingFixtures.eventually(() -> tracking.report(tracking.key(),
                "groupBy=day,offer,partner,sub1"), r -> r.path("totals").path("conversions").asInt() == 6
                && r.path("totals").path("clicks").asInt() == 16);
        JsonNode list = TrackingFixtures.eventually(() -> api.get("/v1/conversions?limit=100").key(tracking.key())
                .send().data(), data -> data.size() == 8
                && data.findValuesAsText("status").contains("paid"));
        Map<String, List<Map<String, Object>>> rows = rows(tracking, List.of(first.id(), second.id()));
        assertTotalsAreTheListedConversions(report, list);
        JsonNode byOffer = tracking.report(tracking.key(), "groupBy=day,offer");
        assertTotalsAreTheListedConversions(byOffer, list);
        // each visitor's address counts once per offer and partner: twice per offer for those who came through both
        assertThat(byOffer.path("totals").path("uniqueClicks").asInt()).isEqualTo(12);
        assertOfferRollupIsThePartnersSummed(tracking, byOffer);

        for (String readModel : List.of("report-rollup", "conversion-view")) {
            ApiClient.Response rebuilt = api.post("/admin/read-models/" + readModel + "/rebuild")
                    .key(TestInfrastructure.ADMIN_TOKEN).send();
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        }

        assertThat(tracking.report(tracking.key(), "groupBy=day,offer,partner,sub1")).isEqualTo(report);
        assertThat(api.get("/v1/conversions?limit=100").key(tracking.key()).send().data()).isEqualTo(list);
        assertThat(rows(tracking, List.of(first.id(), second.id()))).isEqualTo(rows);
        assertThat(tracking.report(tracking.key(), "groupBy=day,offer")).isEqualTo(byOffer);
    }

    /**
     * The truth the rebuilt report must match is what the command side recorded ({@code tracking_conversions}, one row
     * per conversion, written in the postback's transaction), not the 201s the writers counted: the JDK client sends a
     * GET again once when its connection fails, so a postback recorded before its answer was lost is answered as a
     * duplicate, and a request that fails in the client may have been recorded. Both are counted and bound the total.
     */
    @Test
    void rebuildWhilePostbacksArriveCountsEachConversionOnce() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        Offer offer = tracking.offer("steady", Map.of("holdDays", 0));
        tracking.partner("pat");
        String click = tracking.click(api.fromAnotherAddress(), "steady", "pat");
        ApiClient advertiser = api.fromAnotherAddress();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger answeredDuplicate = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        ApiClient.Response answer;
                        try {
                            answer = tracking.postbackBySecret(advertiser, "steady", Map.of("click_id", click,
                                    "txn_id", writer + "-" + i, "amount", "1.01", "secret", offer.secret())).send();
                        } catch (RuntimeException failed) {
                            unanswered.incrementAndGet();
                            continue;
                        }
                        if (answer.status() == 201) {
                            created.incrementAndGet();
                        } else if (answer.status() == 200 && answer.data().path("duplicate").asBoolean()) {
                            answeredDuplicate.incrementAndGet();
                        } else {
                            unexpected.add(answer.toString());
                        }
                    }
                });
            }
            for (int rebuild = 0; rebuild < 3; rebuild++) {
                for (String readModel : List.of("report-rollup", "conversion-view")) {
                    assertThat(api.post("/admin/read-models/" + readModel + "/rebuild")
                            .key(TestInfrastructure.ADMIN_TOKEN).send().status()).isEqualTo(200);
                }
            }
        } finally {
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(unexpected).isEmpty();
        int expected = jdbc.queryForObject("select count(*) from tracking_conversions where offer_id = ?",
                Integer.class, offer.id());
        assertThat(expected).isPositive().isBetween(created.get() + answeredDuplicate.get(),
                created.get() + answeredDuplicate.get() + unanswered.get());
        JsonNode report = TrackingFixtures.eventually(() -> tracking.report(tracking.key(), "groupBy=offer"),
                r -> r.path("totals").path("conversions").asInt() == expected);
        assertThat(report.path("totals").path("conversions").asInt()).isEqualTo(expected);
        assertThat(new BigDecimal(report.path("totals").path("revenue").asText()))
                .isEqualByComparingTo(new BigDecimal("1.01").multiply(BigDecimal.valueOf(expected)));
        assertThat(report.path("totals").path("clicks").asInt()).isEqualTo(1);
        assertThat(TrackingFixtures.eventually(() -> jdbc.queryForObject(
                "select count(*) from conversions where offer_id = ?", Long.class, offer.id()),
                count -> count == expected)).isEqualTo(expected);
    }

    private static void assertTotalsAreTheListedConversions(JsonNode report, JsonNode list) {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal payout = BigDecimal.ZERO;
        int counted = 0;
        for (JsonNode conversion : list) {
            if (!List.of("rejected", "reversed").contains(conversion.path("status").asText())) {
                counted++;
                revenue = revenue.add(new BigDecimal(conversion.path("amount").asText()));
                payout = payout.add(new BigDecimal(conversion.path("payout").asText()));
            }
        }
        assertThat(report.path("totals").path("conversions").asInt()).isEqualTo(counted);
        assertThat(new BigDecimal(report.path("totals").path("revenue").asText())).isEqualByComparingTo(revenue);
        assertThat(new BigDecimal(report.path("totals").path("payout").asText())).isEqualByComparingTo(payout);
    }

    /**
     * The report by day and offer (from {@code report_daily_offer}) has the figures of the report by day, offer and
     * partner (from {@code report_daily}) summed per day and offer, and the two tables hold the same sums.
     */
    private void assertOfferRollupIsThePartnersSummed(TrackingFixtures tracking, JsonNode byOffer) {
        assertThat(figuresPerDayAndOffer(byOffer)).isEqualTo(figuresPerDayAndOffer(
                tracking.report(tracking.key(), "groupBy=day,offer,partner")));
        String figures = "clicks, unique_clicks, conversions, revenue, payout";
        String sums = "sum(clicks)::bigint as clicks, sum(unique_clicks)::bigint as unique_clicks, "
                + "sum(conversions)::bigint as conversions, sum(revenue) as revenue, sum(payout) as payout";
        String accountId = tracking.owner().accountId();
        assertThat(comparable(jdbc.queryForList("select account_id, mode, day, offer_id, currency, " + figures
                + " from report_daily_offer where account_id = ? order by day, offer_id", accountId)))
                .isEqualTo(comparable(jdbc.queryForList("select account_id, mode, day, offer_id, currency, " + sums
                        + " from report_daily where account_id = ? group by account_id, mode, day, offer_id, "
                        + "currency order by day, offer_id", accountId)))
                .isNotEmpty();
    }

    /** A report's rows' figures summed per day and offer (a report by partner has several rows per day and offer). */
    private static Map<String, List<BigDecimal>> figuresPerDayAndOffer(JsonNode report) {
        Map<String, List<BigDecimal>> figures = new LinkedHashMap<>();
        for (JsonNode row : report.path("rows")) {
            List<BigDecimal> values = List.of("clicks", "uniqueClicks", "conversions", "revenue", "payout").stream()
                    .map(figure -> new BigDecimal(row.path(figure).asText()).stripTrailingZeros()).toList();
            figures.merge(row.path("group").path("day").asText() + " " + row.path("group").path("offer").asText(),
                    values, (sum, more) -> IntStream.range(0, sum.size())
                            .mapToObj(i -> sum.get(i).add(more.get(i)).stripTrailingZeros()).toList());
        }
        return figures;
    }

    /** This account's rows of the tracking read models' tables, in a stable order. */
    private Map<String, List<Map<String, Object>>> rows(TrackingFixtures tracking, List<String> offerIds) {
        String accountId = tracking.owner().accountId();
        String[] offers = offerIds.toArray(String[]::new);
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("report_daily", jdbc.queryForList(
                "select * from report_daily where account_id = ? order by day, offer_id, partner_id", accountId));
        rows.put("report_daily_offer", jdbc.queryForList(
                "select * from report_daily_offer where account_id = ? order by day, offer_id", accountId));
        rows.put("report_daily_sub1", jdbc.queryForList(
                "select * from report_daily_sub1 where account_id = ? order by day, offer_id, partner_id, sub1",
                accountId));
        rows.put("report_unique_clicks", jdbc.queryForList("select * from report_unique_clicks where offer_id = any "
                + "(?) order by day, offer_id, partner_id, address_hash", (Object) offers));
        rows.put("report_offers", jdbc.queryForList("select * from report_offers where offer_id = any (?) "
                + "order by offer_id", (Object) offers));
        rows.put("conversions", jdbc.queryForList("select * from conversions where account_id = ? order by id",
                accountId));
        rows.values().forEach(TrackingRebuildIT::comparable);
        return rows;
    }

    /** Sums of numeric columns compare by value: 0 and 0.00 are the same amount. */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> rows) {
        rows.forEach(row -> row.replaceAll((column, value) ->
                value instanceof BigDecimal amount ? amount.stripTrailingZeros() : value));
        return rows;
    }
}
