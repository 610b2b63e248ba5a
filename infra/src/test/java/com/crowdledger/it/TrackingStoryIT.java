package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.TrackingFixtures.Offer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Affiliate tracking from end to end, as an advertiser and its partners use it: offers and a partner, visitors
 * following tracking links, postbacks by API key and by the offer's secret, a duplicate, a hold that ends on the
 * scheduler, the account's approvals and rejections, and the report's arithmetic against the conversion list.
 */
class TrackingStoryIT extends IntegrationTest {

    @Test
    void offerPartnerClickPostbackDuplicateHoldApproveReport() {
        TrackingFixtures tracking = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        Offer summer = tracking.offer("summer-sale", Map.of("holdDays", 1));
        Offer winter = tracking.offer("winter-sale", Map.of("defaultRevenue", "100", "defaultPayout", "20"));
        assertThat(summer.secret()).matches("[0-9a-f]{64}");
        assertThat(summer.json().path("holdDays").asInt()).isEqualTo(1);
        assertThat(winter.json().path("defaultRevenue").asText()).isEqualTo("100.00");
        assertThat(winter.json().path("attributionWindowDays").asInt()).isEqualTo(30);
        JsonNode listed = api.get("/v1/offers").key(tracking.key()).send().data();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).has("postbackSecret")).as("the secret is shown once").isFalse();
        String bob = tracking.partner("bob");

        ApiClient alice = api.fromAnotherAddress();
        ApiClient carol = api.fromAnotherAddress();
        ApiClient.Response redirect = tracking.follow(alice, "summer-sale", "bob", Map.of("sub1", "fb"));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location"))
                .matches("https://shop\\.example/landing\\?utm=aff&click_id=clk_[0-9A-Za-z]+#top");
        String aliceSummer = TrackingFixtures.clickIdIn(redirect.header("Location"));
        String aliceSummerAgain = tracking.click(alice, "summer-sale", "bob");
        String carolSummer = tracking.click(carol, "summer-sale", "bob");
        String aliceWinter = tracking.click(alice, "winter-sale", "bob");

        // by key: the postback's amount, the offer's payout, held for a day
        ApiClient.Response byKey = tracking.postbackByKey(Map.of("click_id", aliceSummer, "amount", "49.90",
                "txn_id", "order-1"));
        assertThat(byKey.status()).as(byKey.toString()).isEqualTo(201);
        JsonNode first = byKey.data();
        assertThat(first.path("status").asText()).isEqualTo("pending");
        assertThat(first.path("amount").asText()).isEqualTo("49.90");
        assertThat(first.path("payout").asText()).isEqualTo("5.00");
        assertThat(first.path("partnerId").asText()).isEqualTo(bob);
        assertThat(first.path("sub1").asText()).isEqualTo("fb");
        assertThat(first.path("event").asText()).isEqualTo("sale");

        // by secret, from the advertiser's server: the offer's revenue, the postback's payout
        ApiClient advertiser = api.fromAnotherAddress();
        ApiClient.Response bySecret = tracking.postbackBySecret(advertiser, "summer-sale", Map.of("click_id",
                carolSummer, "txn_id", "order-2", "payout", "7.5", "event", "lead", "secret", summer.secret())).send();
        assertThat(bySecret.status()).as(bySecret.toString()).isEqualTo(201);
        assertThat(bySecret.data().path("amount").asText()).isEqualTo("40.00");
        assertThat(bySecret.data().path("payout").asText()).isEqualTo("7.50");
        assertThat(bySecret.data().path("event").asText()).isEqualTo("lead");

        // the same txn_id again, by secret in the header: a duplicate that changes nothing
        ApiClient.Response duplicate = advertiser.post("/postback/" + tracking.brand() + "/summer-sale")
                .header("X-Postback-Secret", summer.secret())
                .body(Map.of("click_id", aliceSummer, "txn_id", "order-1", "amount", "1000")).send();
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(200);
        assertThat(duplicate.data().path("duplicate").asBoolean()).isTrue();
        assertThat(duplicate.data().path("id").asText()).isEqualTo(first.path("id").asText());

        // a txn_id is unique per offer: the same one on another offer is a conversion of its own
        ApiClient.Response otherOffer = tracking.postbackByKey(Map.of("click_id", aliceWinter, "txn_id", "order-1"));
        assertThat(otherOffer.status()).as(otherOffer.toString()).isEqualTo(201);
        assertThat(otherOffer.data().path("amount").asText()).isEqualTo("100.00");
        String winterConversion = otherOffer.data().path("id").asText();

        // the account approves one before its hold ends, and rejects another
        ApiClient.Response approved = api.patch("/v1/conversions/" + winterConversion).key(tracking.key())
                .body(Map.of("status", "approved")).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.data().path("status").asText()).isEqualTo("approved");
        String toReject = tracking.postbackByKey(Map.of("click_id", aliceSummerAgain, "amount", "10",
                "txn_id", "order-5")).data().path("id").asText();
        ApiClient.Response rejected = api.patch("/v1/conversions/" + toReject).key(tracking.key())
                .body(Map.of("status", "rejected", "reason", "test order")).send();
        assertThat(rejected.data().path("status").asText()).isEqualTo("rejected");

        // a day later (3 s in tests) the scheduler's hold task approves the held ones
        String firstId = first.path("id").asText();
        JsonNode held = TrackingFixtures.eventually(
                () -> api.get("/v1/conversions/" + firstId).key(tracking.key()).send(),
                response -> response.status() == 200 && response.data().path("status").asText().equals("approved"))
                .data();
        assertThat(held.path("status").asText()).isEqualTo("approved");
        ApiClient.Response approvedAgain = api.patch("/v1/conversions/" + firstId).key(tracking.key())
                .body(Map.of("status", "approved")).send();
        assertThat(approvedAgain.status()).as("a repeat, or a race with the hold task, is no conflict").isEqualTo(200);

        // the account pays the partner for the one it approved: paid, once
        ApiClient.Response paid = api.post("/v1/conversions/" + winterConversion + "/payout").key(tracking.key())
                .body(Map.of("payoutReference", "transfer-2026-11")).send();
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.data().path("status").asText()).isEqualTo("paid");
        assertThat(api.post("/v1/conversions/" + winterConversion + "/payout").key(tracking.key())
                .body(Map.of("payoutReference", "transfer-2026-11")).send().errorCode()).isEqualTo("CONFLICT");
        assertThat(api.post("/v1/conversions/" + toReject + "/payout").key(tracking.key())
                .body(Map.of("payoutReference", "x")).send().errorCode()).isEqualTo("CONFLICT");

        // the report: 4 clicks (3 unique per offer and day), 3 counted conversions, exact money
        JsonNode report = TrackingFixtures.eventually(() -> tracking.report(tracking.key(), "groupBy=offer"),
                r -> r.path("totals").path("conversions").asInt() == 3 && r.path("totals").path("clicks").asInt() == 4);
        assertThat(report.path("currency").asText()).isEqualTo("USD");
        assertThat(report.path("totals").toString()).isEqualTo(json("""
                {"clicks":4,"uniqueClicks":3,"conversions":3,"cvr":"0.7500","revenue":"189.90","payout":"32.50",
                "profit":"157.40","epc":"8.1250"}"""));
        Map<String, String> rows = Map.of(
                summer.id(), json("""
                        {"group":{"offer":"%s"},"clicks":3,"uniqueClicks":2,"conversions":2,"cvr":"0.6667",
                        "revenue":"89.90","payout":"12.50","profit":"77.40","epc":"4.1667"}""".formatted(summer.id())),
                winter.id(), json("""
                        {"group":{"offer":"%s"},"clicks":1,"uniqueClicks":1,"conversions":1,"cvr":"1.0000",
                        "revenue":"100.00","payout":"20.00","profit":"80.00","epc":"20.0000"}""".formatted(winter.id())));
        assertThat(report.path("rows")).hasSize(2);
        report.path("rows").forEach(row -> assertThat(row.toString())
                .isEqualTo(rows.get(row.path("group").path("offer").asText())));

        JsonNode bySub1 = tracking.report(tracking.key(), "groupBy=day,partner,sub1");
        assertThat(bySub1.path("rows")).hasSize(1);
        assertThat(bySub1.path("rows").get(0).path("group").path("sub1").asText()).isEqualTo("fb");
        assertThat(bySub1.path("rows").get(0).path("group").path("partner").asText()).isEqualTo(bob);
        assertThat(bySub1.path("totals")).isEqualTo(report.path("totals"));

        // totals are the sum of the listed conversions that count: the ones neither rejected nor reversed (the hold
        // task approves the two held conversions one after the other, so the list may show the second pending at first)
        List<JsonNode> conversions = new ArrayList<>();
        TrackingFixtures.eventually(() -> api.get("/v1/conversions").key(tracking.key()).send().data(),
                data -> data.findValuesAsText("status").stream().sorted().toList()
                        .equals(List.of("approved", "approved", "paid", "rejected"))).forEach(conversions::add);
        assertThat(conversions).extracting(c -> c.path("status").asText())
                .containsExactlyInAnyOrder("approved", "approved", "paid", "rejected");
        List<JsonNode> counted = new ArrayList<>();
        api.get("/v1/conversions?status=pending,approved,paid").key(tracking.key()).send().data()
                .forEach(counted::add);
        assertThat(counted).hasSize(3);
        assertThat(api.get("/v1/conversions?status=,").key(tracking.key()).send().data()).as("empty values name no "
                + "status").hasSize(4);
        BigDecimal listedRevenue = counted.stream().map(c -> new BigDecimal(c.path("amount").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal listedPayout = counted.stream().map(c -> new BigDecimal(c.path("payout").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(listedRevenue).isEqualByComparingTo(report.path("totals").path("revenue").asText());
        assertThat(listedPayout).isEqualByComparingTo(report.path("totals").path("payout").asText());
    }

    private static String json(String text) {
        return text.replaceAll("\\s+", "");
    }
}
