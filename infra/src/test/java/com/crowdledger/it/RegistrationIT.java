package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
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
    void anAddressMustBeAtADomainName() {
        for (String email : List.of("abc@[127.0.0.1]", "abc@localhost", "a@b")) {
            ApiClient.Response response = api.post("/v1/auth/register")
                    .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "role", "owner", "name", "X"))
                    .send();
            assertThat(response.status()).as(email).isEqualTo(422);
            assertThat(response.json().path("error").path("details").findValuesAsText("field")).contains("email");
        }
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

    @Test
    void concurrentRegistrationsOfOneEmailGiveOneAccountAndConflicts() throws Exception {
        String email = TestAccounts.uniqueEmail();
        List<ApiClient.Response> answers = AllAtOnce.send(8, i -> api.post("/v1/auth/register")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "role", "owner", "name", "Racer " + i))
                .send());
        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).allSatisfy(r ->
                assertThat(r.errorCode()).isEqualTo("CONFLICT"));
    }

    @Test
    void concurrentRegistrationsOfOneNameAllSucceedWithDistinctSlugs() throws Exception {
        String name = "Same Name " + UUID.randomUUID().toString().substring(0, 8);
        List<ApiClient.Response> answers = AllAtOnce.send(8, i -> api.post("/v1/auth/register")
                .body(Map.of("email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD, "role", "owner",
                        "name", name))
                .send());
        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(answers).extracting(r -> r.data().path("account").path("slug").asText()).doesNotHaveDuplicates();
    }

    @Test
    void anUnverifiedRegistrationWhoseTokenExpiredDoesNotKeepTheAddressFromItsOwner() {
        TestAccounts.Registered squatter = accounts.registerWithKey("owner", "live");
        String squattersToken = TestAccounts.tokenMailedTo(squatter.email());
        Map<String, Object> owner = Map.of("email", squatter.email(), "password", "the real owner's password",
                "role", "owner", "name", "Real Owner");
        assertThat(api.post("/v1/auth/register").body(owner).send().status()).as("while the token is valid")
                .isEqualTo(409);

        ApiClient.Response registered = afterTokenExpiry(() -> api.post("/v1/auth/register").body(owner).send());

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.data().path("account").path("id").asText()).isNotEqualTo(squatter.accountId());
        assertThat(api.post("/v1/auth/verify-email").body(Map.of("token", squattersToken)).send().status())
                .isEqualTo(422);
        String ownersToken = awaitNewToken(squatter.email(), squattersToken);
        assertThat(api.post("/v1/auth/verify-email").body(Map.of("token", ownersToken)).send().status())
                .isEqualTo(200);
        assertThat(api.get("/v1/auth/me").key(squatter.key()).send().status()).isEqualTo(401);
        assertThat(api.post("/v1/auth/login").body(Map.of("email", squatter.email(), "password",
                "the real owner's password")).send().status()).isEqualTo(200);
    }

    @Test
    void resendMailsANewTokenAndAnswersTheSameForEveryAddress() {
        TestAccounts.Registered registered = accounts.registerWithKey("owner", "test");
        String first = TestAccounts.tokenMailedTo(registered.email());

        ApiClient.Response resent = afterMinutes(2, () -> api.post("/v1/auth/verify-email/resend")
                .body(Map.of("email", registered.email().toUpperCase())).send());
        assertThat(resent.status()).isEqualTo(202);
        String second = awaitNewToken(registered.email(), first);
        ApiClient.Response unknown = api.post("/v1/auth/verify-email/resend")
                .body(Map.of("email", TestAccounts.uniqueEmail())).send();
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.data()).isEqualTo(resent.data());

        assertThat(api.post("/v1/auth/verify-email").body(Map.of("token", first)).send().status()).isEqualTo(422);
        assertThat(api.post("/v1/auth/verify-email").body(Map.of("token", second)).send().status()).isEqualTo(200);
        int mails = TestAccounts.mailsTo(registered.email());
        ApiClient.Response verified = api.post("/v1/auth/verify-email/resend")
                .body(Map.of("email", registered.email())).send();
        assertThat(verified.data()).isEqualTo(resent.data());
        assertThat(TestAccounts.mailsTo(registered.email())).isEqualTo(mails);
    }

    @Test
    void resendWithinAMinuteSendsNoSecondMail() {
        TestAccounts.Registered registered = accounts.registerWithKey("tester", "test");
        String first = TestAccounts.tokenMailedTo(registered.email());
        assertThat(api.post("/v1/auth/verify-email/resend").body(Map.of("email", registered.email())).send()
                .status()).isEqualTo(202);
        // had a new token been issued, the first one would no longer verify
        assertThat(api.post("/v1/auth/verify-email").body(Map.of("token", first)).send().status()).isEqualTo(200);
        assertThat(TestAccounts.mailsTo(registered.email())).isEqualTo(1);
    }

    /** The aggregates' clock moved past the 48 h of a verification token, for one call. */
    private static <T> T afterTokenExpiry(java.util.function.Supplier<T> call) {
        return afterMinutes(49 * 60, call);
    }

    private static <T> T afterMinutes(long minutes, java.util.function.Supplier<T> call) {
        Clock real = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.offset(real, Duration.ofMinutes(minutes));
        try {
            return call.get();
        } finally {
            GenericEventMessage.clock = real;
        }
    }

    private static String awaitNewToken(String email, String previous) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            String latest = TestAccounts.tokenMailedTo(email);
            if (!latest.equals(previous)) {
                return latest;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no new verification mail to " + email);
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
