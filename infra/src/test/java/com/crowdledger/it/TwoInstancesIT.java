package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void changeAndRevokeOfOneKeyOnTwoNodesAtOnceTakeTurns() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        for (int round = 0; round < 5; round++) {
            String keyId = accounts.issueKey(owner.key(), "contested", List.of("keys"), "test").data()
                    .path("id").asText();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ApiClient.Response> change = pool.submit(() -> {
                    start.await();
                    return api.patch("/v1/auth/api-keys/" + keyId).key(owner.key())
                            .body(Map.of("name", "renamed")).send();
                });
                Future<ApiClient.Response> revoke = pool.submit(() -> {
                    start.await();
                    return secondApi.delete("/v1/auth/api-keys/" + keyId).key(owner.key()).send();
                });
                start.countDown();
                ApiClient.Response changed = change.get(30, TimeUnit.SECONDS);
                ApiClient.Response revoked = revoke.get(30, TimeUnit.SECONDS);

                assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
                // the change either came first (200) or found the key revoked (409): never a 5xx
                assertThat(changed.status()).as(changed.toString()).isIn(200, 409);
                assertThat(api.get("/v1/auth/api-keys/" + keyId).key(owner.key()).send().data()
                        .path("status").asText()).isEqualTo("revoked");
            } finally {
                pool.shutdownNow();
            }
        }
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
