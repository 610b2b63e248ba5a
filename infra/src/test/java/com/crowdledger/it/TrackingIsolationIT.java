package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.TrackingFixtures.Offer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tracking's walls: another account's offers, partners and conversions do not exist for a caller (404), test and
 * live data are separate worlds, slugs are unique per account and mode, and every route needs the scope tracking.
 */
class TrackingIsolationIT extends IntegrationTest {

    @Test
    void anotherAccountsIdsAreNotFound() {
        TrackingFixtures owner = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        Offer offer = owner.offer("mine", Map.of("holdDays", 5));
        String partner = owner.partner("mine");
        String click = owner.click(api.fromAnotherAddress(), "mine", "mine");
        String conversion = owner.postbackByKey(Map.of("click_id", click, "txn_id", "o1")).data().path("id").asText();
        String stranger = accounts.verifiedOwner("live").key();

        for (String path : List.of("/v1/offers/" + offer.id(), "/v1/partners/" + partner,
                "/v1/conversions/" + conversion)) {
            assertNotFound(api.get(path).key(stranger).send());
        }
        assertNotFound(api.patch("/v1/offers/" + offer.id()).key(stranger).body(Map.of("name", "x")).send());
        assertNotFound(api.post("/v1/offers/" + offer.id() + "/rotate-secret").key(stranger).send());
        assertNotFound(api.patch("/v1/partners/" + partner).key(stranger).body(Map.of("name", "x")).send());
        assertNotFound(api.patch("/v1/conversions/" + conversion).key(stranger)
                .body(Map.of("status", "rejected")).send());
        assertNotFound(api.get("/v1/offers/off_doesnotexist").key(stranger).send());
        assertNotFound(api.patch("/v1/conversions/" + click).key(owner.key()).body(Map.of("status", "rejected"))
                .send());
        // a stranger's postback for the owner's click: not a click of the stranger's account
        ApiClient.Response foreign = api.post("/v1/conversions").key(stranger).body(Map.of("click_id", click)).send();
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(api.get("/v1/offers").key(stranger).send().data()).isEmpty();
        assertThat(api.get("/v1/conversions").key(stranger).send().data()).isEmpty();
        assertThat(api.get("/v1/reports").key(stranger).send().data().path("totals").path("clicks").asInt()).isZero();
        // nothing changed for the owner
        assertThat(api.get("/v1/offers/" + offer.id()).key(owner.key()).send().data().path("name").asText())
                .isEqualTo("Offer mine");
    }

    @Test
    void testAndLiveAreSeparateWorlds() {
        TestAccounts.Registered owner = accounts.verifiedOwner("live");
        String testKey = testKeyOf(owner);
        TrackingFixtures live = new TrackingFixtures(api, owner, "live");
        TrackingFixtures test = new TrackingFixtures(api, new TestAccounts.Registered(owner.accountId(),
                owner.email(), testKey, null), "test");
        Offer liveOffer = live.offer("same-slug", Map.of());
        Offer testOffer = test.offer("same-slug", Map.of());
        live.partner("pat");
        test.partner("pat");
        assertThat(testOffer.json().path("mode").asText()).isEqualTo("test");

        assertNotFound(api.get("/v1/offers/" + testOffer.id()).key(owner.key()).send());
        assertNotFound(api.get("/v1/offers/" + liveOffer.id()).key(testKey).send());
        assertThat(api.get("/v1/offers").key(testKey).send().data()).extracting(o -> o.path("id").asText())
                .containsExactly(testOffer.id());

        // the same link leads to each world's offer: live by default, test with mode=test
        String liveClick = live.click(api.fromAnotherAddress(), "same-slug", "pat");
        String testClick = test.click(api.fromAnotherAddress(), "same-slug", "pat");
        assertThat(api.post("/v1/conversions").key(testKey).body(Map.of("click_id", liveClick)).send().status())
                .isEqualTo(422);
        assertThat(api.post("/v1/conversions").key(owner.key()).body(Map.of("click_id", testClick)).send().status())
                .isEqualTo(422);
        ApiClient.Response testConversion = api.post("/v1/conversions").key(testKey)
                .body(Map.of("click_id", testClick)).send();
        assertThat(testConversion.status()).isEqualTo(201);
        assertThat(testConversion.data().path("mode").asText()).isEqualTo("test");
        // a test offer's secret does not open the live offer's postbacks
        ApiClient.Response crossed = live.postbackBySecret(api.fromAnotherAddress(), "same-slug",
                Map.of("click_id", liveClick, "secret", testOffer.secret())).send();
        assertThat(crossed.status()).isEqualTo(401);

        assertThat(TrackingFixtures.eventually(() -> test.report(testKey, "groupBy=offer"),
                r -> r.path("totals").path("conversions").asInt() == 1).path("totals").path("clicks").asInt())
                .isEqualTo(1);
        assertThat(live.report(owner.key(), "groupBy=offer").path("totals").path("conversions").asInt()).isZero();
    }

    @Test
    void slugsAreUniquePerAccountAndMode() {
        TrackingFixtures owner = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        owner.offer("unique", Map.of());
        owner.partner("unique");
        ApiClient.Response again = api.post("/v1/offers").key(owner.key()).body(Map.of("name", "Again", "slug",
                "unique", "destinationUrl", "https://shop.example/", "defaultRevenue", 1, "defaultPayout", 1)).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post("/v1/partners").key(owner.key()).body(Map.of("name", "Again", "slug", "unique")).send()
                .status()).isEqualTo(409);
        // another account may use it
        new TrackingFixtures(api, accounts.verifiedOwner("live"), "live").offer("unique", Map.of());
    }

    @Test
    void everyTrackingRouteNeedsTheTrackingScope() {
        TestAccounts.Registered owner = accounts.verifiedOwner("live");
        String keysOnly = accounts.issueKey(owner.key(), "no tracking", List.of("keys", "campaigns"), "live").data()
                .path("key").asText();
        for (String path : List.of("/v1/offers", "/v1/partners", "/v1/conversions", "/v1/reports")) {
            ApiClient.Response refused = api.get(path).key(keysOnly).send();
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.post("/v1/conversions").key(keysOnly).body(Map.of("click_id", "clk_x")).send().status())
                .isEqualTo(403);
        assertThat(api.get("/v1/offers").send().status()).isEqualTo(401);
    }

    /** A key of the owner's test world, issued by a dashboard session (a live key issues live keys only). */
    private String testKeyOf(TestAccounts.Registered owner) {
        ApiClient.Response login = api.post("/v1/auth/login")
                .body(Map.of("email", owner.email(), "password", TestAccounts.PASSWORD)).send();
        ApiClient.Response issued = api.post("/v1/auth/api-keys")
                .header("Cookie", login.header("Set-Cookie").split(";", 2)[0])
                .header("X-CSRF-Token", login.data().path("csrfToken").asText())
                .body(Map.of("name", "test world", "scopes", List.of("tracking"), "mode", "test")).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.data().path("key").asText();
    }

    private static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
    }
}
