package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A refused key costs no more than an accepted one: the client's address pays before any argon2 run, and a key
 * that matched nothing is remembered (issue 6, defect 1).
 */
class RefusedKeysIT extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void addressAlreadyOverItsLimitIsRefusedBeforeAnyArgon2Run() {
        RateLimitIT.awaitFreshMinute();
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient attacker = api.fromAnotherAddress();
        AnonymousLimitIT.exhaust(attacker);
        double before = argon2Runs();

        ApiClient.Response refused = attacker.get("/v1/auth/me").key(wrongRest(owner.key())).send();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(argon2Runs()).as("argon2 runs").isEqualTo(before);
    }

    @Test
    void wrongKeyWithAValidPrefixIsCheckedOnceThenRemembered() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String guess = wrongRest(owner.key());
        double before = argon2Runs();
        for (int i = 0; i < 3; i++) {
            ApiClient.Response refused = api.get("/v1/auth/me").key(guess).send();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("INVALID_API_KEY");
            assertThat(refused.header("X-RateLimit-Remaining")).as("it draws from the address's limit").isNotNull();
        }
        assertThat(argon2Runs()).as("argon2 runs").isEqualTo(before + 1);
        assertThat(api.get("/v1/auth/me").key(owner.key()).send().status()).isEqualTo(200);
    }

    /** The key's display prefix ({@code tpk_test_} and 8 hex digits) with a wrong rest. */
    private static String wrongRest(String key) {
        String rest = key.endsWith("0".repeat(24)) ? "1".repeat(24) : "0".repeat(24);
        return key.substring(0, 17) + rest;
    }

    private double argon2Runs() {
        return meters.get("crowdledger.auth.argon2.verifications").counter().count();
    }
}
