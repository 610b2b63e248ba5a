package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration, the verification mail over real SMTP, and verification. */
class RegistrationIT extends IntegrationTest {

    @Test
    void registerWithKeyAnswersTheContractShapeAndMailsAToken() {
        String email = TestAccounts.uniqueEmail();
        ApiClient.Response response = api.post("/v1/auth/register/api-key")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "role", "owner", "name", "Acme Games",
                        "mode", "test"))
                .send();
        assertThat(response.status()).isEqualTo(201);
        var account = response.data().path("account");
        assertThat(account.path("id").asText()).startsWith("acct_");
        assertThat(account.path("email").asText()).isEqualTo(email);
        assertThat(account.path("role").asText()).isEqualTo("owner");
        assertThat(account.path("emailVerified").asBoolean()).isFalse();
        var key = response.data().path("apiKey");
        assertThat(key.path("id").asText()).startsWith("key_");
        assertThat(key.path("key").asText()).matches("tpk_test_[0-9a-f]{32}");
        assertThat(key.path("prefix").asText()).isEqualTo(key.path("key").asText().substring(0, 17));
        assertThat(key.path("mode").asText()).isEqualTo("test");
        assertThat(key.path("status").asText()).isEqualTo("pending_verification");
        assertThat(key.path("scopes").toString()).contains("keys", "campaigns", "webhooks").doesNotContain("tester");
        assertThat(TestAccounts.tokenMailedTo(email)).isNotBlank();
    }

    @Test
    void unverifiedKeyGets403EmailNotVerifiedUntilVerified() {
        TestAccounts.Registered registered = accounts.registerWithKey("owner", "live");
        ApiClient.Response before = api.get("/v1/auth/me").key(registered.key()).send();
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.errorCode()).isEqualTo("EMAIL_NOT_VERIFIED");

        accounts.verify(registered.email());

        ApiClient.Response after = api.get("/v1/auth/me").key(registered.key()).send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.data().path("account").path("emailVerified").asBoolean()).isTrue();
        assertThat(after.data().path("apiKey").path("mode").asText()).isEqualTo("live");
    }

    @Test
    void plainRegisterCreatesAnAccountWithoutKeyAndSlugFromName() {
        String email = TestAccounts.uniqueEmail();
        ApiClient.Response response = api.post("/v1/auth/register")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "role", "tester",
                        "name", "Ünïcode Testers, Inc."))
                .send();
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().path("account").path("slug").asText()).startsWith("unicode-testers-inc");
        assertThat(response.data().has("apiKey")).isFalse();
    }

    @Test
    void duplicateEmailIs409EvenInAnotherCase() {
        String email = TestAccounts.uniqueEmail();
        Map<String, Object> body = Map.of("email", email, "password", TestAccounts.PASSWORD, "role", "owner",
                "name", "First");
        assertThat(api.post("/v1/auth/register").body(body).send().status()).isEqualTo(201);
        ApiClient.Response again = api.post("/v1/auth/register")
                .body(Map.of("email", email.toUpperCase(), "password", TestAccounts.PASSWORD, "role", "owner",
                        "name", "Second"))
                .send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void sameNameGetsADistinctSlug() {
        String first = register("Same Name Studio").path("slug").asText();
        String second = register("Same Name Studio").path("slug").asText();
        assertThat(first).isNotEqualTo(second);
        assertThat(second).startsWith("same-name-studio");
    }

    @Test
    void verificationTokenWorksOnceAndWrongTokensAre422() {
        TestAccounts.Registered registered = accounts.registerWithKey("owner", "test");
        String token = TestAccounts.tokenMailedTo(registered.email());
        ApiClient.Response wrong = api.post("/v1/auth/verify-email").body(Map.of("token", "not-the-token")).send();
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/v1/auth/verify-email").body(Map.of("token", token)).send().status()).isEqualTo(200);
        ApiClient.Response twice = api.post("/v1/auth/verify-email").body(Map.of("token", token)).send();
        assertThat(twice.status()).isEqualTo(409);
    }

    private com.fasterxml.jackson.databind.JsonNode register(String name) {
        ApiClient.Response response = api.post("/v1/auth/register")
                .body(Map.of("email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD, "role", "owner",
                        "name", name))
                .send();
        assertThat(response.status()).isEqualTo(201);
        return response.data().path("account");
    }
}
