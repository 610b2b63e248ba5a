package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.TrackingFixtures.Offer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Postbacks that must not record anything: forged or missing secrets, unknown or expired clicks, bad fields. */
class PostbackRefusalsIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    private TrackingFixtures tracking;
    private Offer offer;
    private String click;
    private ApiClient advertiser;

    @BeforeEach
    void offerPartnerAndClick() {
        tracking = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        offer = tracking.offer("spring", Map.of());
        tracking.partner("bob");
        click = tracking.click(api.fromAnotherAddress(), "spring", "bob");
        advertiser = api.fromAnotherAddress();
    }

    @Test
    void missingOrWrongSecretIs401() {
        assertRefused(bySecret(Map.of("click_id", click)).send(), 401, "INVALID_CREDENTIALS");
        assertRefused(bySecret(Map.of("click_id", click, "secret", "")).send(), 401, "INVALID_CREDENTIALS");
        assertRefused(bySecret(Map.of("click_id", click, "secret", "0".repeat(64))).send(), 401,
                "INVALID_CREDENTIALS");
        Offer other = tracking.offer("other", Map.of());
        assertRefused(bySecret(Map.of("click_id", click, "secret", other.secret())).send(), 401,
                "INVALID_CREDENTIALS");
        assertRefused(advertiser.post("/postback/" + tracking.brand() + "/spring")
                .body(Map.of("click_id", click, "txn_id", "t")).send(), 401, "INVALID_CREDENTIALS");
        assertThat(conversionsOfOffer()).isZero();
    }

    /** An Idempotency-Key is ignored here: a replay would answer a caller that never showed the secret. */
    @Test
    void anIdempotencyKeyNeverAnswersWithoutTheSecret() {
        Map<String, String> fields = Map.of("click_id", click, "txn_id", "idem");
        ApiClient.Response sent = advertiser.post("/postback/" + tracking.brand() + "/spring").body(fields)
                .header("X-Postback-Secret", offer.secret()).header("Idempotency-Key", "idem-1").send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertRefused(advertiser.post("/postback/" + tracking.brand() + "/spring").body(fields)
                .header("Idempotency-Key", "idem-1").send(), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void theHeaderWinsOverTheQuery() {
        assertRefused(bySecret(Map.of("click_id", click, "txn_id", "t1", "secret", offer.secret()))
                .header("X-Postback-Secret", "wrong").send(), 401, "INVALID_CREDENTIALS");
        ApiClient.Response headerRight = bySecret(Map.of("click_id", click, "txn_id", "t2", "secret", "wrong"))
                .header("X-Postback-Secret", offer.secret()).send();
        assertThat(headerRight.status()).as(headerRight.toString()).isEqualTo(201);
    }

    @Test
    void unknownBrandOrOfferIs404() {
        assertRefused(advertiser.get("/postback/no-such-brand-x/spring?click_id=" + click + "&secret="
                + offer.secret()).send(), 404, "NOT_FOUND");
        assertRefused(advertiser.get("/postback/" + tracking.brand() + "/no-such-offer?click_id=" + click
                + "&secret=" + offer.secret()).send(), 404, "NOT_FOUND");
        assertRefused(bySecret(Map.of("click_id", click, "secret", offer.secret(), "mode", "test")).send(), 404,
                "NOT_FOUND");
    }

    @Test
    void unknownClickOrAClickOfAnotherOfferIs422AndRecordsNothing() {
        assertField(bySecret(Map.of("click_id", "clk_doesnotexist", "secret", offer.secret())).send(), "click_id");
        assertField(bySecret(Map.of("click_id", "not-even-a-click-id", "secret", offer.secret())).send(),
                "click_id");
        assertField(bySecret(Map.of("secret", offer.secret())).send(), "click_id");
        tracking.offer("autumn", Map.of());
        String autumnClick = tracking.click(api.fromAnotherAddress(), "autumn", "bob");
        assertField(bySecret(Map.of("click_id", autumnClick, "secret", offer.secret())).send(), "click_id");
        assertField(tracking.postbackByKey(Map.of("click_id", "clk_doesnotexist")), "click_id");
        assertThat(conversionsOfOffer()).isZero();
    }

    @Test
    void clickOlderThanTheWindowIsExpired() throws InterruptedException {
        tracking.offer("flash", Map.of("attributionWindowDays", 1));
        String early = tracking.click(api.fromAnotherAddress(), "flash", "bob");
        Thread.sleep(TrackingFixtures.DAY.toMillis() + 500); // a day of the test clock: the window's length

        ApiClient.Response late = tracking.postbackByKey(Map.of("click_id", early, "txn_id", "late"));

        assertRefused(late, 422, "CLICK_EXPIRED");
        assertThat(late.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("click_id");
    }

    @Test
    void anotherCurrencyThanTheOffersIs422() {
        assertField(tracking.postbackByKey(Map.of("click_id", click, "amount", "10", "currency", "EUR")), "currency");
        assertField(bySecret(Map.of("click_id", click, "currency", "usd", "secret", offer.secret())).send(),
                "currency");
        ApiClient.Response same = tracking.postbackByKey(Map.of("click_id", click, "amount", "10",
                "currency", "USD"));
        assertThat(same.status()).as(same.toString()).isEqualTo(201);
    }

    @Test
    void malformedAmountsAndFieldsAre422() {
        for (String amount : List.of("abc", "12.345", "-1", "1e400", "1e-999999999", "NaN", "1,50")) {
            assertField(bySecret(Map.of("click_id", click, "amount", amount, "secret", offer.secret())).send(),
                    "amount");
        }
        assertField(bySecret(Map.of("click_id", click, "payout", "0.001", "secret", offer.secret())).send(),
                "payout");
        assertField(bySecret(Map.of("click_id", click, "event", "refund", "secret", offer.secret())).send(),
                "event");
        assertField(bySecret(Map.of("click_id", click, "txn_id", "t".repeat(256), "secret", offer.secret())).send(),
                "txn_id");
        assertField(bySecret(Map.of("click_id", click, "coupon_code", "c".repeat(101), "secret", offer.secret()))
                .send(), "coupon_code");
        assertField(tracking.postbackByKey(Map.of("click_id", click, "amount", "twelve")), "amount");
        assertField(tracking.postbackByKey(Map.of("click_id", click, "amount", 12.345)), "amount");
        assertField(tracking.postbackByKey(Map.of("click_id", click, "payout", true)), "payout");
        assertField(tracking.postbackByKey(Map.of("click_id", click, "surprise", "field")), "surprise");
        assertRefused(api.post("/v1/conversions").key(tracking.key()).body("{\"click_id\": ").send(), 400,
                "INVALID_REQUEST");
        assertThat(conversionsOfOffer()).isZero();
    }

    @Test
    void rotatedSecretWorksAtOnceAndThePreviousOneStillDoes() {
        ApiClient.Response rotated = api.post("/v1/offers/" + offer.id() + "/rotate-secret").key(tracking.key())
                .send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.data().path("postbackSecret").asText();
        assertThat(newSecret).matches("[0-9a-f]{64}").isNotEqualTo(offer.secret());

        assertThat(bySecret(Map.of("click_id", click, "txn_id", "new", "secret", newSecret)).send().status())
                .isEqualTo(201);
        assertThat(bySecret(Map.of("click_id", click, "txn_id", "old", "secret", offer.secret())).send().status())
                .isEqualTo(201);

        String newest = api.post("/v1/offers/" + offer.id() + "/rotate-secret").key(tracking.key()).send().data()
                .path("postbackSecret").asText();
        assertThat(bySecret(Map.of("click_id", click, "txn_id", "newest", "secret", newest)).send().status())
                .isEqualTo(201);
        assertRefused(bySecret(Map.of("click_id", click, "txn_id", "oldest", "secret", offer.secret())).send(), 401,
                "INVALID_CREDENTIALS");
    }

    /** Guessing secrets is as slow as guessing keys: refusals draw from the address's limit (60 a minute here). */
    @Test
    void refusedPostbacksUseUpTheSendersAddressLimitButNotTheOffers() {
        RateLimitIT.awaitFreshMinute();
        ApiClient guesser = api.fromAnotherAddress();
        int refusedWithout429 = 0;
        int throttled = 0;
        for (int i = 0; i < 70 && throttled == 0; i++) {
            int status = tracking.postbackBySecret(guesser, "spring", Map.of("click_id", click, "secret",
                    "guess" + i)).send().status();
            if (status == 401) {
                refusedWithout429++;
            } else if (status == 429) {
                throttled++;
            }
        }
        assertThat(throttled).isEqualTo(1);
        assertThat(refusedWithout429).isBetween(55, 61);
        // the advertiser's own postbacks, from its address, still pass
        assertThat(bySecret(Map.of("click_id", click, "txn_id", "after", "secret", offer.secret())).send().status())
                .isEqualTo(201);
    }

    /**
     * Every refusal, not only a wrong secret: a bad mode or body is answered before the secret is checked, and must
     * neither come out of the advertiser's limit nor be free for the sender. Failed logins from an address do not
     * stop its postbacks (its refusals of the group are counted apart).
     */
    @Test
    void anyRefusalIsTheSendersNotTheOffers() {
        RateLimitIT.awaitFreshMinute();
        long before = remaining(bySecret(Map.of("click_id", click, "txn_id", "r1", "secret", offer.secret())).send());
        ApiClient outsider = api.fromAnotherAddress();
        int throttled = 0;
        for (int i = 0; i < 70; i++) {
            ApiClient.Response refused = i % 2 == 0
                    ? outsider.get("/postback/" + tracking.brand() + "/spring?mode=bogus").send()
                    : outsider.post("/postback/" + tracking.brand() + "/spring").body("{\"click_id\": ").send();
            if (refused.status() == 429) {
                throttled++;
            } else {
                assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
            }
        }
        long after = remaining(bySecret(Map.of("click_id", click, "txn_id", "r2", "secret", offer.secret())).send());
        assertThat(before - after).as("only the advertiser's own postback counts").isEqualTo(1);
        assertThat(throttled).as("the outsider's address pays for its refusals").isPositive();

        for (int i = 0; i < 65; i++) {
            advertiser.post("/v1/auth/login").body(Map.of("email", "nobody" + i + "@example.com", "password",
                    "wrong-password-" + i)).send();
        }
        assertThat(bySecret(Map.of("click_id", click, "txn_id", "r3", "secret", offer.secret())).send().status())
                .as("failed logins from the advertiser's address do not stop its postbacks").isEqualTo(201);
    }

    private static long remaining(ApiClient.Response accepted) {
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        return Long.parseLong(accepted.header("X-RateLimit-Remaining"));
    }

    private ApiClient.Call bySecret(Map<String, String> query) {
        return tracking.postbackBySecret(advertiser, "spring", new LinkedHashMap<>(query));
    }

    private long conversionsOfOffer() {
        return jdbc.queryForObject("select count(*) from tracking_conversions where offer_id = ?", Long.class,
                offer.id());
    }

    private static void assertRefused(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertRefused(response, 422, "VALIDATION_ERROR");
        assertThat(response.json().path("error").path("details").get(0).path("field").asText())
                .as(response.toString()).isEqualTo(field);
    }
}
