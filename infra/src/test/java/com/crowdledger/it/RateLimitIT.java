package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rate limits per key (default 100 per minute), exact under concurrency (across instances: TwoInstancesIT). */
class RateLimitIT extends IntegrationTest {
    private static final int MINUTE_LIMIT = 100;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAuthenticatedResponseCarriesTheTightestWindowWithFallingRemaining() {
        awaitFreshMinute();
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            ApiClient.Response response = api.get("/v1/auth/me").key(owner.key()).send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(MINUTE_LIMIT));
            long remaining = Long.parseLong(response.header("X-RateLimit-Remaining"));
            assertThat(remaining).isLessThan(previous).isLessThan(MINUTE_LIMIT);
            previous = remaining;
            long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
            assertThat(reset).isEqualTo(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60).getEpochSecond());
        }
        ApiClient.Response error = api.get("/v1/auth/api-keys/key_nope").key(owner.key()).send();
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("X-RateLimit-Remaining")).isNotNull();
    }

    @Test
    void concurrentBurstLetsThroughExactlyTheLimit() throws Exception {
        awaitFreshMinute();
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        List<ApiClient.Response> responses = burst(List.of(api), owner.key(), 150);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(MINUTE_LIMIT);
        List<ApiClient.Response> rejected = responses.stream().filter(r -> r.status() == 429).toList();
        assertThat(rejected).hasSize(150 - MINUTE_LIMIT).allSatisfy(r -> {
            assertThat(r.errorCode()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("0");
        });
    }

    @Test
    void rejectedRequestDoesNoWork() throws Exception {
        awaitFreshMinute();
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        burst(List.of(api), owner.key(), MINUTE_LIMIT);
        ApiClient.Response issue = api.post("/v1/auth/api-keys").key(owner.key())
                .body(Map.of("name", "over the limit", "scopes", List.of("keys"))).send();
        assertThat(issue.status()).isEqualTo(429);
        assertThat(jdbc.queryForObject("select count(*) from api_keys where account_id = ?", Integer.class,
                owner.accountId())).isEqualTo(1);
    }

    @Test
    void wrongScopeAnswersCarryTheHeadersAndCountAgainstTheKey() {
        awaitFreshMinute();
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String trackingOnly = accounts.issueKey(owner.key(), "t", List.of("tracking"), "test").data()
                .path("key").asText();
        ApiClient.Response first = api.get("/v1/auth/api-keys").key(trackingOnly).send();
        ApiClient.Response second = api.get("/v1/auth/api-keys").key(trackingOnly).send();
        assertThat(List.of(first.status(), second.status())).containsOnly(403);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(MINUTE_LIMIT));
        assertThat(first.header("X-RateLimit-Reset")).isNotNull();
        long remaining = Long.parseLong(first.header("X-RateLimit-Remaining"));
        assertThat(Long.parseLong(second.header("X-RateLimit-Remaining"))).isEqualTo(remaining - 1);

        ApiClient.Response allowed = api.get("/v1/auth/me").key(trackingOnly).send();
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(Long.parseLong(allowed.header("X-RateLimit-Remaining"))).isEqualTo(remaining - 2);
    }

    /** {@code count} GETs of /v1/auth/me from 8 threads, spread over the given instances. */
    static List<ApiClient.Response> burst(List<ApiClient> instances, String key, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ApiClient target = instances.get(i % instances.size());
                calls.add(() -> target.get("/v1/auth/me").key(key).send());
            }
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> future : threads.invokeAll(calls)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Windows are aligned to the clock's minute: start a test early in one, so it does not straddle a reset. */
    static void awaitFreshMinute() {
        while (Instant.now().atZone(java.time.ZoneOffset.UTC).getSecond() > 40) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
