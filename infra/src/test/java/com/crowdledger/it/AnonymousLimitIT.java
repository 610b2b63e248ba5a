package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit of requests without a valid key (default 60 a minute), as it holds in production: each test
 * client is an address of its own behind the trusted proxy. IPv6 clients count per /64.
 */
class AnonymousLimitIT extends IntegrationTest {
    static final int MINUTE_LIMIT = 60;

    @Test
    void anAddressOverItsLimitGets429WhileAnotherIsUnaffected() {
        RateLimitIT.awaitFreshMinute();
        ApiClient.Response refused = exhaust(api);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(api.post("/v1/auth/login").body(Map.of("email", TestAccounts.uniqueEmail(), "password", "x"))
                .send().status()).as("every route without a key shares the address's limit").isEqualTo(429);

        ApiClient other = api.fromAnotherAddress();
        ApiClient.Response unaffected = other.get("/v1/auth/me").key("not a key").send();
        assertThat(unaffected.status()).isEqualTo(401);
        assertThat(unaffected.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(MINUTE_LIMIT - 1));
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        RateLimitIT.awaitFreshMinute();
        exhaust(api.from("2001:db8:6:1::1"));
        assertThat(api.from("2001:db8:6:1:ffff:ffff:ffff:fffe").get("/v1/auth/me").send().status())
                .as("another address of the same /64").isEqualTo(429);
        assertThat(api.from("2001:db8:6:2::1").get("/v1/auth/me").send().status())
                .as("the next /64").isEqualTo(401);
    }

    /** Sends refused requests until the address is refused with 429; exactly the minute's limit get through. */
    static ApiClient.Response exhaust(ApiClient client) {
        for (int i = 0; i < MINUTE_LIMIT; i++) {
            ApiClient.Response response = client.get("/v1/auth/me").key("not a key").send();
            assertThat(response.status()).as("request %d: %s", i + 1, response).isEqualTo(401);
        }
        ApiClient.Response over = client.get("/v1/auth/me").key("not a key").send();
        assertThat(over.status()).isEqualTo(429);
        return over;
    }
}
