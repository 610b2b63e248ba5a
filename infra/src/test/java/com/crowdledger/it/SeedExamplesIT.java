package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

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
}
