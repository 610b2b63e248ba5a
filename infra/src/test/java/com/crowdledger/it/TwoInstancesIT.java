package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A second instance of the service on the same PostgreSQL: shared limits, and changes seen on both nodes. */
class TwoInstancesIT extends IntegrationTest {
    private static final Duration NOTIFY_GRACE = Duration.ofSeconds(2);

    @Autowired
    DataSource dataSource;

    private ApiClient secondApi;

    @BeforeEach
    void connectToSecondInstance() {
        secondApi = SecondInstance.api(dataSource).from(api.clientAddress());
    }

    @Test
    void twoInstancesShareTheLimit() throws Exception {
        RateLimitIT.awaitFreshMinute();
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        assertThat(secondApi.get("/v1/auth/me").key(owner.key()).send().status()).isEqualTo(200);

        List<ApiClient.Response> responses = RateLimitIT.burst(List.of(api, secondApi), owner.key(), 149);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(99);
        assertThat(responses).filteredOn(r -> r.status() == 429).hasSize(50);
    }

    @Test
    void keyRevokedOnOneInstanceStopsWorkingOnTheOther() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        JsonNode second = accounts.issueKey(owner.key(), "roaming", List.of("keys"), "test").data();
        String key = second.path("key").asText();
        assertThat(secondApi.get("/v1/auth/me").key(key).send().status()).isEqualTo(200); // cached on node 2

        assertThat(api.delete("/v1/auth/api-keys/" + second.path("id").asText()).key(owner.key()).send().status())
                .isEqualTo(200);

        // node 2 hears of it through PostgreSQL NOTIFY, delivered at commit: milliseconds, bounded here by a grace
        assertThat(statusUntil(secondApi, "/v1/auth/me", key, 401)).isEqualTo(401);
    }

    @Test
    void scopeChangeOnOneInstanceHoldsOnTheOther() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        JsonNode second = accounts.issueKey(owner.key(), "narrowing", List.of("keys", "tracking"), "test").data();
        String key = second.path("key").asText();
        assertThat(secondApi.get("/v1/auth/api-keys").key(key).send().status()).isEqualTo(200);

        api.patch("/v1/auth/api-keys/" + second.path("id").asText()).key(owner.key())
                .body(Map.of("scopes", List.of("tracking"))).send();

        assertThat(statusUntil(secondApi, "/v1/auth/api-keys", key, 403)).isEqualTo(403);
    }

    /** GETs the path until it answers the expected status or the grace runs out; the last status. */
    private static int statusUntil(ApiClient client, String path, String key, int expected)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(NOTIFY_GRACE);
        int status;
        do {
            status = client.get(path).key(key).send().status();
            if (status != expected) {
                Thread.sleep(10);
            }
        } while (status != expected && Instant.now().isBefore(deadline));
        return status;
    }
}
