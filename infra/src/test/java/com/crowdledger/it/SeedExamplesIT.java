package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented requests of the three seed products (../shared/seeds), sent verbatim as their clients would send
 * them, only the base URL changed. Each feature adds its seed's calls here.
 */
class SeedExamplesIT extends IntegrationTest {

    /** WePlayTestGames: register and receive an API key in one step, with its role name {@code game_owner}. */
    @Test
    void playtestingSeedRegistersWithAKeyAndUsesIt() {
        ApiClient.Response registered = api.post("/api/v1/auth/register/api-key")
                .header("Content-Type", "application/json")
                .body("""
                        {
                        "email": "dev@example.com",
                        "password": "securepassword123",
                        "role": "game_owner",
                        "name": "My API Key"
                        }""")
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.data().path("account").path("role").asText()).isEqualTo("owner");
        String key = registered.data().path("apiKey").path("key").asText();

        ApiClient.Response unverified = api.get("/api/v1/auth/me").header("Authorization", "Bearer " + key).send();
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.errorCode()).isEqualTo("EMAIL_NOT_VERIFIED");

        accounts.verify("dev@example.com");
        ApiClient.Response me = api.get("/api/v1/auth/me").header("Authorization", "Bearer " + key).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("apiKey").path("scopes").toString()).contains("game_owner", "billing", "chat",
                "notifications");
    }

    /**
     * TesterPayKit: the documented campaign request, verbatim with a live key ({@code rewardPerBug} a bare number, no
     * currency: USD), answers the documented shape; the documented list call (a GET with a JSON content type) lists it.
     */
    @Test
    void crowdtestingSeedCreatesAndListsCampaigns() {
        String key = accounts.verifiedOwner("live").key();
        ApiClient.Response created = api.post("/v1/campaigns")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .body("""
                        {
                        "name": "iOS Login Test",
                        "platform": "ios",
                        "testersRequired": 5,
                        "rewardPerBug": 4.00
                        }""")
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("success").asBoolean()).isTrue();
        assertThat(created.data().path("id").asText()).startsWith("camp_");
        assertThat(created.data().path("name").asText()).isEqualTo("iOS Login Test");
        assertThat(created.data().path("status").asText()).isEqualTo("draft");
        assertThat(java.time.Instant.parse(created.data().path("createdAt").asText())).isNotNull();
        assertThat(created.data().path("rewardPerBug").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(created.data().path("currency").asText()).isEqualTo("USD");

        ApiClient.Response listed = api.get("/v1/campaigns")
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.data().get(0).path("id").asText()).isEqualTo(created.data().path("id").asText());
    }

    /** TesterPayKit: a GET with a JSON content type and a bad key answers the documented error shape. */
    @Test
    void crowdtestingSeedErrorShape() {
        ApiClient.Response refused = api.get("/v1/auth/me")
                .header("Authorization", "Bearer tpk_live_your_api_key")
                .header("Content-Type", "application/json")
                .send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("success").asBoolean(true)).isFalse();
        assertThat(refused.errorCode()).isEqualTo("INVALID_API_KEY");
        assertThat(refused.json().path("error").path("message").asText()).isNotBlank();
        assertThat(refused.json().path("error").path("status").asInt()).isEqualTo(401);
    }

    /**
     * Trcker: the documented example ({@code GET /offers} with a Bearer key and a JSON content type) and each listed
     * endpoint under {@code /api/v1}: offers, partners, a server-side postback, conversions and reports.
     */
    @Test
    void trackingSeedCallsWork() {
        TestAccounts.Registered owner = accounts.verifiedOwner("live");
        String bearer = "Bearer " + owner.key();
        ApiClient.Response offers = api.get("/api/v1/offers")
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .send();
        assertThat(offers.status()).as(offers.toString()).isEqualTo(200);
        assertThat(offers.data().isArray()).isTrue();

        ApiClient.Response offer = api.post("/api/v1/offers").header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .body("""
                        {"name": "Summer sale", "slug": "summer-sale", "destinationUrl": "https://shop.example/summer",
                         "defaultRevenue": 40, "defaultPayout": 5}""")
                .send();
        assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
        ApiClient.Response partner = api.post("/api/v1/partners").header("Authorization", bearer)
                .body("""
                        {"name": "Bob's blog", "slug": "bob", "email": "bob@example.com"}""")
                .send();
        assertThat(partner.status()).as(partner.toString()).isEqualTo(201);
        String partnerId = partner.data().path("id").asText();
        assertThat(api.get("/api/v1/partners").header("Authorization", bearer).send().data()).hasSize(1);
        assertThat(api.get("/api/v1/partners/" + partnerId).header("Authorization", bearer).send().data()
                .path("slug").asText()).isEqualTo("bob");

        String brand = api.get("/api/v1/auth/me").header("Authorization", bearer).send().data().path("account")
                .path("slug").asText();
        String click = TrackingFixtures.clickIdIn(api.fromAnotherAddress().get("/r/" + brand + "/summer-sale?via=bob")
                .send().header("Location"));
        ApiClient.Response postback = api.post("/api/v1/conversions").header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .body("""
                        {"click_id": "%s", "amount": 49.90, "txn_id": "order-1001", "event": "sale", "currency": "USD"}"""
                        .formatted(click))
                .send();
        assertThat(postback.status()).as(postback.toString()).isEqualTo(201);

        assertThat(TrackingFixtures.eventually(() -> api.get("/api/v1/conversions?status=pending")
                .header("Authorization", bearer).send().data(), data -> data.size() == 1)).hasSize(1);
        ApiClient.Response report = api.get("/api/v1/reports?groupBy=day,offer,partner,sub1")
                .header("Authorization", bearer).send();
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.data().has("rows")).isTrue();
        assertThat(report.data().has("totals")).isTrue();
    }

    /**
     * WePlayTestGames documents {@code billing} as read-only: it views balances, payment history and invoices, "but
     * cannot purchase credit or order playtests". With a {@code game_owner} registration's key, a billing key reads
     * and is refused both writes.
     */
    @Test
    void playtestingSeedBillingScopeIsReadOnly() {
        TestAccounts.Registered owner = accounts.registerWithKey("game_owner", "live");
        accounts.verify(owner.email());
        String ownerBearer = "Bearer " + owner.key();
        String game = api.post("/api/v1/games").header("Authorization", ownerBearer)
                .header("Content-Type", "application/json")
                .body("{\"title\": \"Space Farm\", \"platforms\": [\"windows\"]}").send().data().path("id").asText();
        ApiClient.Response issued = accounts.issueKey(owner.key(), "Accounting", List.of("billing"), "live");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String bearer = "Bearer " + issued.data().path("key").asText();

        assertThat(api.get("/api/v1/billing/balance").header("Authorization", bearer).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/billing/payments").header("Authorization", bearer).send().status()).isEqualTo(200);
        ApiClient.Response purchase = api.post("/api/v1/billing/credit").header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .body("{\"amountCents\": 5000, \"currency\": \"USD\", \"paymentMethod\": \"pm_card_visa\"}").send();
        assertThat(purchase.status()).isEqualTo(403);
        assertThat(purchase.errorCode()).isEqualTo("FORBIDDEN");
        ApiClient.Response order = api.post("/api/v1/games/" + game + "/playtests").header("Authorization", bearer)
                .header("Content-Type", "application/json").body("{}").send();
        assertThat(order.status()).isEqualTo(403);
    }
}
