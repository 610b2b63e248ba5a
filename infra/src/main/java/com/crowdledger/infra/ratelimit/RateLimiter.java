package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.ratelimit.RateLimitSettings.Limits;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed windows of one minute, one hour and one day (aligned to the UTC clock, so a window's reset time is known)
 * kept by Bucket4j in PostgreSQL: every node consumes from the same row under {@code SELECT ... FOR UPDATE}, so
 * several nodes together never allow more than the limit. Bucket4j's batching merges the concurrent requests of one
 * bucket into a single round trip, which keeps a hot key cheap without giving up exactness.
 */
@Component
class RateLimiter {
    private static final List<ChronoUnit> WINDOWS = List.of(ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    /** One proxy per bucket and node, so that Bucket4j can batch its concurrent requests. */
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimiter(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }

    /** The outcome for the tightest window: the one with the fewest requests left (the shortest on a tie). */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    Decision consume(String bucketKey, Limits limits) {
        long[] perWindow = {limits.minute(), limits.hour(), limits.day()};
        BucketProxy bucket = proxies.get(bucketKey + "|" + Objects.hash(limits), ignored -> buckets.builder()
                .withOptimization(Optimizations.batching())
                .withImplicitConfigurationReplacement(version(limits), TokensInheritanceStrategy.AS_IS)
                .build(bucketKey, () -> configuration(perWindow)));
        VerboseResult<ConsumptionProbe> result = bucket.asVerbose().tryConsumeAndReturnRemaining(1);
        long[] available = result.getDiagnostics().getAvailableTokensPerEachBandwidth();
        int tightest = 0;
        for (int i = 1; i < available.length; i++) {
            if (available[i] < available[tightest]) {
                tightest = i;
            }
        }
        ConsumptionProbe probe = result.getValue();
        long retryAfter = probe.isConsumed() ? 0
                : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), perWindow[tightest], available[tightest],
                nextBoundary(Instant.now(), WINDOWS.get(tightest)).getEpochSecond(), retryAfter);
    }

    @Scheduled(fixedDelayString = "PT1M")
    void purgeIdleBuckets() {
        while (buckets.removeExpired(1_000) == 1_000) {
            // keep going until a batch comes back short
        }
    }

    private static BucketConfiguration configuration(long[] perWindow) {
        Instant now = Instant.now();
        var builder = BucketConfiguration.builder();
        for (int i = 0; i < WINDOWS.size(); i++) {
            ChronoUnit window = WINDOWS.get(i);
            builder.addLimit(Bandwidth.builder()
                    .capacity(perWindow[i])
                    .refillIntervallyAligned(perWindow[i], window.getDuration(), nextBoundary(now, window))
                    .id(window.name())
                    .build());
        }
        return builder.build();
    }

    private static long version(Limits limits) {
        return Objects.hash(limits.minute(), limits.hour(), limits.day()) & 0x7fffffffL;
    }

    private static Instant nextBoundary(Instant now, ChronoUnit window) {
        return now.truncatedTo(window).plus(1, window);
    }
}
