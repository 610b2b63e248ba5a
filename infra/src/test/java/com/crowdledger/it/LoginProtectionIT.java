package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Password guessing stays bounded per e-mail and per address, and nobody else's failures lock a user out (issue 6,
 * defect 6). Limits (defaults): 5 failures a minute per e-mail and client; 20 a minute per e-mail from clients
 * without its device cookie. See ARCHITECTURE.md, "Login protection".
 */
class LoginProtectionIT extends IntegrationTest {
    private static final int CLIENT_FAILURES_PER_MINUTE = 5;
    private static final int EMAIL_FAILURES_PER_MINUTE = 20;
    private static final String WRONG = "not the password!";

    @Test
    void strangerFailingFromOneAddressDoesNotLockTheVictimOut() {
        RateLimitIT.awaitFreshMinute();
        TestAccounts.Registered victim = accounts.verifiedOwner("test");
        ApiClient stranger = api.fromAnotherAddress();

        assertThat(failUntilRefused(stranger, victim.email())).isEqualTo(CLIENT_FAILURES_PER_MINUTE);
        ApiClient.Response refused = login(stranger, victim.email(), WRONG);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(login(stranger, victim.email(), TestAccounts.PASSWORD).status())
                .as("the stranger's address is done with this e-mail, even with the right password").isEqualTo(429);

        ApiClient.Response victimLogin = login(api.fromAnotherAddress(), victim.email(), TestAccounts.PASSWORD);
        assertThat(victimLogin.status()).as(victimLogin.toString()).isEqualTo(200);
    }

    @Test
    void unknownEmailsAreLimitedAndAnsweredLikeKnownOnes() {
        RateLimitIT.awaitFreshMinute();
        TestAccounts.Registered known = accounts.verifiedOwner("test");
        String unknown = TestAccounts.uniqueEmail();
        ApiClient stranger = api.fromAnotherAddress();
        assertThat(failUntilRefused(stranger, unknown)).isEqualTo(failUntilRefused(stranger, known.email()));
        assertThat(login(stranger, unknown, WRONG).body()).doesNotContain(unknown);
    }

    @Test
    void onlyFailuresCount() {
        RateLimitIT.awaitFreshMinute();
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        for (int i = 0; i < CLIENT_FAILURES_PER_MINUTE + 3; i++) {
            assertThat(login(api, owner.email(), TestAccounts.PASSWORD).status()).isEqualTo(200);
        }
        assertThat(failUntilRefused(api, owner.email())).isEqualTo(CLIENT_FAILURES_PER_MINUTE);
    }

    @Test
    void guessingFromManyAddressesIsBoundedPerEmailButSparesTheVictimsBrowser() {
        RateLimitIT.awaitFreshMinute();
        TestAccounts.Registered victim = accounts.verifiedOwner("test");
        ApiClient.Response earlier = login(api, victim.email(), TestAccounts.PASSWORD);
        String deviceCookie = cookie(earlier, "crowdledger_device");

        int failures = 0;
        while (failures < EMAIL_FAILURES_PER_MINUTE) {
            failures += failUntilRefused(api.fromAnotherAddress(), victim.email());
        }
        assertThat(failures).isEqualTo(EMAIL_FAILURES_PER_MINUTE);
        assertThat(login(api.fromAnotherAddress(), victim.email(), WRONG).status())
                .as("a fresh address finds the e-mail's limit used up").isEqualTo(429);
        assertThat(login(api.fromAnotherAddress(), victim.email(), TestAccounts.PASSWORD).status())
                .as("so does a browser that never logged in to it").isEqualTo(429);

        ApiClient.Response victimLogin = api.fromAnotherAddress().post("/v1/auth/login")
                .header("Cookie", deviceCookie)
                .body(Map.of("email", victim.email(), "password", TestAccounts.PASSWORD)).send();
        assertThat(victimLogin.status()).as(victimLogin.toString()).isEqualTo(200);

        ApiClient.Response forgedCookie = api.fromAnotherAddress().post("/v1/auth/login")
                .header("Cookie", tampered(deviceCookie))
                .body(Map.of("email", victim.email(), "password", TestAccounts.PASSWORD)).send();
        assertThat(forgedCookie.status()).as("a cookie that is not ours counts for nothing").isEqualTo(429);
    }

    /** Wrong passwords from one client until it is refused; how many were answered 401 first. */
    /** An account whose address is not proved gets no session and no device cookie, even with its password. */
    @Test
    void anUnverifiedAccountCannotLogIn() {
        TestAccounts.Registered unverified = accounts.registerWithKey("owner", "test");
        ApiClient.Response login = login(api, unverified.email(), TestAccounts.PASSWORD);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.errorCode()).isEqualTo("EMAIL_NOT_VERIFIED");
        assertThat(login.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    private static int failUntilRefused(ApiClient client, String email) {
        List<Integer> statuses = new ArrayList<>();
        int status;
        do {
            status = login(client, email, WRONG).status();
            statuses.add(status);
        } while (status == 401 && statuses.size() <= EMAIL_FAILURES_PER_MINUTE);
        assertThat(status).as("statuses %s", statuses).isEqualTo(429);
        return statuses.size() - 1;
    }

    private static ApiClient.Response login(ApiClient client, String email, String password) {
        return client.post("/v1/auth/login").body(Map.of("email", email, "password", password)).send();
    }

    /** The cookie with the last character of its signature changed. */
    private static String tampered(String cookie) {
        char last = cookie.charAt(cookie.length() - 1);
        return cookie.substring(0, cookie.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static String cookie(ApiClient.Response response, String name) {
        return response.raw().headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .map(value -> value.split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response));
    }
}
