package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys through the full stack: issue, scopes, revoke, expiry, and the walls between accounts and modes. */
class ApiKeysIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;


    @Test
    void issuedKeyWorksAtOnceAndIsShownOnlyOnce() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response issued = accounts.issueKey(owner.key(), "ci", List.of("tracking"), "test");
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.data().path("key").asText();
        assertThat(issued.data().path("status").asText()).isEqualTo("active");
        assertThat(issued.data().path("scopes").toString()).isEqualTo("[\"tracking\"]");

        ApiClient.Response me = api.get("/v1/auth/me").key(key).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("apiKey").path("id").asText()).isEqualTo(issued.data().path("id").asText());

        ApiClient.Response list = api.get("/v1/auth/api-keys").key(owner.key()).send();
        assertThat(list.body()).doesNotContain(key).doesNotContain("\"key\"");
        assertThat(list.data().findValuesAsText("id")).contains(issued.data().path("id").asText(), owner.keyId());
    }

    @Test
    void revokedKeyGets401OnTheVeryNextRequest() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        JsonNode second = accounts.issueKey(owner.key(), "short-lived", List.of("tracking", "keys"), "test").data();
        String secondKey = second.path("key").asText();
        assertThat(api.get("/v1/auth/me").key(secondKey).send().status()).isEqualTo(200); // now cached

        ApiClient.Response revoked = api.delete("/v1/auth/api-keys/" + second.path("id").asText()).key(owner.key()).send();
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.data().path("status").asText()).isEqualTo("revoked");

        ApiClient.Response after = api.get("/v1/auth/me").key(secondKey).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("INVALID_API_KEY");
        ApiClient.Response revokeAgain = api.delete("/v1/auth/api-keys/" + second.path("id").asText())
                .key(owner.key()).send();
        assertThat(revokeAgain.status()).isEqualTo(409);
    }

    @Test
    void expiredKeyGets401() throws InterruptedException {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        Instant expiresAt = Instant.now().plusSeconds(2);
        ApiClient.Response issued = api.post("/v1/auth/api-keys").key(owner.key())
                .body(Map.of("name", "expiring", "scopes", List.of("keys"), "expiresAt", expiresAt.toString())).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String key = issued.data().path("key").asText();
        assertThat(api.get("/v1/auth/me").key(key).send().status()).isEqualTo(200);

        waitUntil(expiresAt);
        ApiClient.Response after = api.get("/v1/auth/me").key(key).send();
        assertThat(after.status()).isEqualTo(401);
        ApiClient.Response listed = api.get("/v1/auth/api-keys/" + issued.data().path("id").asText())
                .key(owner.key()).send();
        assertThat(listed.data().path("status").asText()).isEqualTo("expired");
    }

    /**
     * An expiry is kept to the microsecond, never rounded up: a key asked to expire at the last instant of 9999 was
     * once stored in year 10000, issued but never shown, listed nor revocable.
     */
    @Test
    void anExpiryIsKeptToTheMicrosecondAndWithinBounds() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response fine = api.post("/v1/auth/api-keys").key(owner.key())
                .body(Map.of("name", "fine", "scopes", List.of("keys"), "expiresAt", "2099-01-01T00:00:00.123456789Z"))
                .send();
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
        assertThat(fine.data().path("expiresAt").asText()).isEqualTo("2099-01-01T00:00:00.123456Z");
        assertThat(api.get("/v1/auth/api-keys/" + fine.data().path("id").asText()).key(owner.key()).send()
                .data().path("expiresAt").asText()).isEqualTo("2099-01-01T00:00:00.123456Z");
        ApiClient.Response far = api.post("/v1/auth/api-keys").key(owner.key())
                .body(Map.of("name", "far", "scopes", List.of("keys"), "expiresAt", "9999-12-31T23:59:59.999999999Z"))
                .send();
        assertThat(far.status()).isEqualTo(422);
        assertThat(far.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("expiresAt");
    }

    @Test
    void scopeChangesTakeEffectAtOnce() {
        TestAccounts.Registered owner = accounts.verifiedOwner("live");
        JsonNode second = accounts.issueKey(owner.key(), "ops", List.of("keys", "tracking"), "live").data();
        String secondKey = second.path("key").asText();
        assertThat(api.get("/v1/auth/api-keys").key(secondKey).send().status()).isEqualTo(200);

        ApiClient.Response changed = api.patch("/v1/auth/api-keys/" + second.path("id").asText()).key(owner.key())
                .body(Map.of("scopes", List.of("tracking"), "name", "tracking only")).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.data().path("name").asText()).isEqualTo("tracking only");

        ApiClient.Response denied = api.get("/v1/auth/api-keys").key(secondKey).send();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void keyWithoutTheScopeGets403AndCannotGrantBeyondItsOwn() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String trackingOnly = accounts.issueKey(owner.key(), "t", List.of("tracking"), "test").data()
                .path("key").asText();
        assertThat(api.get("/v1/auth/api-keys").key(trackingOnly).send().errorCode()).isEqualTo("FORBIDDEN");

        String keysOnly = accounts.issueKey(owner.key(), "k", List.of("keys"), "test").data().path("key").asText();
        ApiClient.Response escalate = accounts.issueKey(keysOnly, "more", List.of("keys", "billing"), "test");
        assertThat(escalate.status()).isEqualTo(403);
        ApiClient.Response testerScope = accounts.issueKey(owner.key(), "x", List.of("tester"), "test");
        assertThat(testerScope.status()).isEqualTo(403);
    }

    @Test
    void anotherAccountsKeyIdIs404() {
        TestAccounts.Registered alice = accounts.verifiedOwner("test");
        TestAccounts.Registered bob = accounts.verifiedOwner("test");
        String aliceKeyId = alice.keyId();
        assertThat(api.get("/v1/auth/api-keys/" + aliceKeyId).key(bob.key()).send().status()).isEqualTo(404);
        assertThat(api.patch("/v1/auth/api-keys/" + aliceKeyId).key(bob.key()).body(Map.of("name", "mine")).send()
                .status()).isEqualTo(404);
        assertThat(api.delete("/v1/auth/api-keys/" + aliceKeyId).key(bob.key()).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/auth/me").key(alice.key()).send().status()).isEqualTo(200);
        assertThat(api.delete("/v1/auth/api-keys/acct_notakey").key(bob.key()).send().status()).isEqualTo(404);
        // a key that does not exist and another account's key answer alike: nobody learns which ids exist
        ApiClient.Response missing = api.patch("/v1/auth/api-keys/key_doesnotexist0000000000").key(bob.key())
                .body(Map.of("name", "x")).send();
        ApiClient.Response others = api.patch("/v1/auth/api-keys/" + aliceKeyId).key(bob.key())
                .body(Map.of("name", "x")).send();
        assertThat(missing.json().path("error")).isEqualTo(others.json().path("error"));
    }

    @Test
    void testAndLiveKeysAreSeparateWorlds() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String testKey = owner.key();
        ApiClient.Response live = accounts.issueKey(testKey, "live from test", List.of("keys"), "live");
        assertThat(live.status()).as("a test key cannot issue live keys").isEqualTo(403);

        JsonNode liveKey = loginAndIssue(owner.email(), "live");
        String liveKeyId = liveKey.path("id").asText();
        assertThat(api.get("/v1/auth/api-keys/" + liveKeyId).key(testKey).send().status()).isEqualTo(404);
        assertThat(api.delete("/v1/auth/api-keys/" + liveKeyId).key(testKey).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/auth/api-keys").key(testKey).send().data().findValuesAsText("mode"))
                .containsOnly("test");
        assertThat(api.get("/v1/auth/api-keys").key(liveKey.path("key").asText()).send().data()
                .findValuesAsText("mode")).containsOnly("live");
    }

    @Test
    void dashboardSessionManagesKeysWithCsrfProtection() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response login = login(owner.email(), TestAccounts.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        String cookie = sessionCookie(login);
        assertThat(login.header("Set-Cookie")).contains("HttpOnly", "SameSite=Strict");
        String csrf = login.data().path("csrfToken").asText();

        ApiClient.Response list = api.get("/v1/auth/api-keys").header("Cookie", cookie).send();
        assertThat(list.status()).isEqualTo(200);

        ApiClient.Response withoutCsrf = api.post("/v1/auth/api-keys").header("Cookie", cookie)
                .body(Map.of("name", "dash", "scopes", List.of("keys"), "mode", "live")).send();
        assertThat(withoutCsrf.status()).isEqualTo(403);

        ApiClient.Response withCsrf = api.post("/v1/auth/api-keys").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .body(Map.of("name", "dash", "scopes", List.of("keys"), "mode", "live")).send();
        assertThat(withCsrf.status()).isEqualTo(201);
        assertThat(withCsrf.data().path("mode").asText()).isEqualTo("live");

        ApiClient.Response me = api.get("/v1/auth/me").header("Cookie", cookie).send();
        assertThat(me.data().path("account").path("id").asText()).isEqualTo(owner.accountId());

        assertThat(api.post("/v1/auth/logout").header("Cookie", cookie).header("X-CSRF-Token", csrf).send().status())
                .isEqualTo(200);
        assertThat(api.get("/v1/auth/api-keys").header("Cookie", cookie).send().status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response wrong = login(owner.email(), "not the password!");
        ApiClient.Response unknown = login(TestAccounts.uniqueEmail(), "not the password!");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").path("message")).isEqualTo(unknown.json().path("error").path("message"));
    }

    @Test
    void missingMalformedAndUnknownKeysGet401() {
        assertThat(api.get("/v1/auth/me").send().errorCode()).isEqualTo("INVALID_API_KEY");
        assertThat(api.get("/v1/auth/me").key("nonsense").send().errorCode()).isEqualTo("INVALID_API_KEY");
        ApiClient.Response unknown = api.get("/v1/auth/me").key("tpk_test_" + "0".repeat(32)).send();
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("INVALID_API_KEY");
    }

    @Test
    void lastUsedAtIsRecorded() throws InterruptedException {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        Instant before = Instant.now().minusSeconds(1);
        api.get("/v1/auth/me").key(owner.key()).send();
        JsonNode key = api.get("/v1/auth/api-keys/" + owner.keyId()).key(owner.key()).send().data();
        assertThat(Instant.parse(key.path("lastUsedAt").asText())).isAfter(before);
    }

    private JsonNode loginAndIssue(String email, String mode) {
        ApiClient.Response login = login(email, TestAccounts.PASSWORD);
        ApiClient.Response issued = api.post("/v1/auth/api-keys").header("Cookie", sessionCookie(login))
                .header("X-CSRF-Token", login.data().path("csrfToken").asText())
                .body(Map.of("name", mode + " key", "scopes", List.of("keys"), "mode", mode)).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.data();
    }

    private ApiClient.Response login(String email, String password) {
        return api.post("/v1/auth/login").body(Map.of("email", email, "password", password)).send();
    }

    private static String sessionCookie(ApiClient.Response login) {
        return login.header("Set-Cookie").split(";", 2)[0];
    }

    private static void waitUntil(Instant moment) throws InterruptedException {
        while (Instant.now().isBefore(moment.plus(Duration.ofMillis(50)))) {
            Thread.sleep(50);
        }
    }

    @Test
    void aKeyNeverIssuesAKeyThatOutlivesIt() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        Instant issuerExpiry = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String expiring = api.post("/v1/auth/api-keys").key(owner.key())
                .body(Map.of("name", "ci", "scopes", List.of("keys"), "expiresAt", issuerExpiry.toString())).send()
                .data().path("key").asText();

        ApiClient.Response inherited = accounts.issueKey(expiring, "child", List.of("keys"), "test");
        assertThat(inherited.status()).as(inherited.toString()).isEqualTo(201);
        assertThat(Instant.parse(inherited.data().path("expiresAt").asText())).isEqualTo(issuerExpiry);

        ApiClient.Response later = api.post("/v1/auth/api-keys").key(expiring)
                .body(Map.of("name", "child", "scopes", List.of("keys"),
                        "expiresAt", issuerExpiry.plusSeconds(60).toString())).send();
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("expiresAt");

        // nor manages a key that lives longer (it could hand it scopes that never expire)
        String lasting = accounts.issueKey(owner.key(), "lasting", List.of("keys"), "test").data()
                .path("id").asText();
        assertThat(api.patch("/v1/auth/api-keys/" + lasting).key(expiring)
                .body(Map.of("name", "mine now")).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/auth/api-keys").key(expiring).send().data().findValuesAsText("id"))
                .doesNotContain(lasting, owner.keyId()).contains(inherited.data().path("id").asText());
    }

    @Test
    void aNarrowerKeyCannotSeeChangeOrRevokeAWiderOne() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        JsonNode keysOnly = accounts.issueKey(owner.key(), "keys only", List.of("keys"), "test").data();
        String narrow = keysOnly.path("key").asText();
        JsonNode sibling = accounts.issueKey(owner.key(), "sibling", List.of("keys"), "test").data();

        assertThat(api.delete("/v1/auth/api-keys/" + owner.keyId()).key(narrow).send().status()).isEqualTo(404);
        assertThat(api.patch("/v1/auth/api-keys/" + owner.keyId()).key(narrow).body(Map.of("name", "x")).send()
                .status()).isEqualTo(404);
        assertThat(api.get("/v1/auth/api-keys/" + owner.keyId()).key(narrow).send().status()).isEqualTo(404);
        assertThat(api.get("/v1/auth/api-keys").key(narrow).send().data().findValuesAsText("id"))
                .contains(keysOnly.path("id").asText(), sibling.path("id").asText())
                .doesNotContain(owner.keyId());
        assertThat(api.get("/v1/auth/me").key(owner.key()).send().status()).isEqualTo(200);

        assertThat(api.delete("/v1/auth/api-keys/" + sibling.path("id").asText()).key(narrow).send().status())
                .isEqualTo(200);

        ApiClient.Response login = login(owner.email(), TestAccounts.PASSWORD);
        ApiClient.Response bySession = api.delete("/v1/auth/api-keys/" + keysOnly.path("id").asText())
                .header("Cookie", sessionCookie(login)).header("X-CSRF-Token", login.data().path("csrfToken").asText())
                .send();
        assertThat(bySession.status()).isEqualTo(200);
    }

    @Test
    void lastUsedAtIsWrittenToTheDatabase() throws InterruptedException {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        Instant before = Instant.now().minusSeconds(1);
        assertThat(api.get("/v1/auth/me").key(owner.key()).send().status()).isEqualTo(200);

        Instant deadline = Instant.now().plusSeconds(20);
        java.sql.Timestamp stored = null;
        while (stored == null && Instant.now().isBefore(deadline)) {
            stored = jdbc.query("select last_used_at from api_key_usage where key_id = ?",
                    rs -> rs.next() ? rs.getTimestamp(1) : null, owner.keyId());
            if (stored == null) {
                Thread.sleep(100);
            }
        }
        assertThat(stored).as("last_used_at written within the flush interval").isNotNull();
        assertThat(stored.toInstant()).isAfter(before);
        assertThat(Instant.parse(api.get("/v1/auth/api-keys/" + owner.keyId()).key(owner.key()).send().data()
                .path("lastUsedAt").asText())).isAfter(before);
    }
}
