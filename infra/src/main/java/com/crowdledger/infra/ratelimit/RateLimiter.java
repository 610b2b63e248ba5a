package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.ratelimit.RateLimitSettings.Limits;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fixed windows of one minute, one hour and one day, aligned to the UTC clock (so a window's reset time is known),
 * kept by Bucket4j in PostgreSQL: every node draws from the same row under {@code SELECT ... FOR UPDATE}.
 *
 * <p>A round trip per request would cost more than the request itself, so a node draws tokens for a bucket in small
 * leases ({@link Lease}) and hands them out locally. Leased tokens are already deducted from the shared row, so all
 * nodes together never allow more than the limit; a lease is at most 1/{@value #LEASE_DIVISOR} of what is left (one
 * token at a time near the limit) and lapses at the end of the minute, so what a node holds unused is small.
 */
@Component
class RateLimiter implements DisposableBean {
    static final List<ChronoUnit> WINDOWS = List.of(ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);
    static final int LEASE_DIVISOR = 32;
    static final int MAX_LEASE = 1_000;

    /** Connections of the rate limiter's own (see {@link #ownPool}). */
    static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();

    RateLimiter(DataSource dataSource) {
        this.pool = ownPool((HikariDataSource) dataSource);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }

    /**
     * A small pool of the limiter's own on the same database. A request that draws tokens while it holds a connection
     * of the main pool (a login inside an {@code Idempotency-Key} transaction) would otherwise need a second one from
     * the same pool: enough such requests at once hold every connection while each waits for another.
     */
    static HikariDataSource ownPool(HikariDataSource main) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(main.getJdbcUrl());
        pool.setUsername(main.getUsername());
        pool.setPassword(main.getPassword());
        pool.setPoolName("rate-limits");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        return pool;
    }

    @Override
    public void destroy() {
        pool.close();
    }

    /** The outcome for the tightest window: the one with the fewest requests left (the shortest on a tie). */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    Decision consume(String bucketKey, Limits limits) {
        long[] perWindow = {limits.minute(), limits.hour(), limits.day()};
        String row = rowKey(bucketKey, limits);
        Lease lease = leases.get(row, ignored -> new Lease(perWindow,
                buckets.builder().build(row, () -> configuration(perWindow))));
        return lease.take(Instant.now());
    }

    /**
     * The refusal this node already knows for the bucket (it found it empty, and its window has not turned), without
     * drawing anything or asking the database; null when it knows of none.
     */
    Decision knownRefusal(String bucketKey, Limits limits) {
        Lease lease = leases.getIfPresent(rowKey(bucketKey, limits));
        return lease == null ? null : lease.knownRefusal(Instant.now());
    }

    /**
     * Returns a token taken by {@link #consume} to this node's lease, where the next request of the bucket finds it
     * (the shared row still counts it as drawn, so no node can exceed the limit because of it).
     */
    void giveBack(String bucketKey, Limits limits) {
        Lease lease = leases.getIfPresent(rowKey(bucketKey, limits));
        if (lease != null) {
            lease.giveBack();
        }
    }

    /**
     * The bucket's row (and this node's lease of it) for these limits: new limits (an account's override, a lowered
     * setting) take a new row at once, whichever way they went; the old row expires unused.
     */
    private static String rowKey(String bucketKey, Limits limits) {
        return bucketKey + "|" + limits.minute() + "/" + limits.hour() + "/" + limits.day();
    }

    void purgeIdleBuckets() {
        while (buckets.removeExpired(1_000) == 1_000) {
            // keep going until a batch comes back short
        }
    }

    /** Tokens this node drew from one shared bucket and has not handed out yet. */
    static final class Lease {
        private final long[] limits;
        private final BucketProxy bucket;
        private long unused;
        /** Tokens left in the shared bucket, per window, after this node's last draw; unknown before it. */
        private long[] sharedLeft;
        private Instant validUntil = Instant.MIN;
        /** The shared bucket ran dry: nothing can refill it before this window boundary, so do not ask. */
        private Instant exhaustedUntil = Instant.MIN;
        /** The window that ran dry (an index into {@link #WINDOWS}). */
        private int exhaustedWindow;

        Lease(long[] limits, BucketProxy bucket) {
            this.limits = limits;
            this.bucket = bucket;
        }

        synchronized Decision take(Instant now) {
            if ((unused == 0 || !now.isBefore(validUntil)) && !now.isBefore(exhaustedUntil)) {
                draw(now);
            }
            if (unused == 0) {
                if (!now.isBefore(exhaustedUntil)) {
                    exhaustedWindow = tightest(sharedLeft);
                    exhaustedUntil = nextBoundary(now, WINDOWS.get(exhaustedWindow));
                }
                return refusal(now);
            }
            unused--;
            long[] left = new long[sharedLeft.length];
            for (int i = 0; i < left.length; i++) {
                left[i] = sharedLeft[i] + unused;
            }
            int tightest = tightest(left);
            return new Decision(true, limits[tightest], left[tightest],
                    nextBoundary(now, WINDOWS.get(tightest)).getEpochSecond(), 0);
        }

        synchronized Decision knownRefusal(Instant now) {
            return unused == 0 && now.isBefore(exhaustedUntil) ? refusal(now) : null;
        }

        private Decision refusal(Instant now) {
            long retryAfter = Math.max(1, (Duration.between(now, exhaustedUntil).toMillis() + 999) / 1000);
            return new Decision(false, limits[exhaustedWindow], 0, exhaustedUntil.getEpochSecond(), retryAfter);
        }

        synchronized void giveBack() {
            unused++;
        }

        private void draw(Instant now) {
            // tokens left over from the previous minute are given up, never carried into the next window
            long wanted = sharedLeft == null ? 1
                    : Math.max(1, Math.min(MAX_LEASE, sharedLeft[tightest(sharedLeft)] / LEASE_DIVISOR));
            VerboseResult<Long> drawn = bucket.asVerbose().tryConsumeAsMuchAsPossible(wanted);
            unused = drawn.getValue();
            sharedLeft = drawn.getDiagnostics().getAvailableTokensPerEachBandwidth();
            validUntil = nextBoundary(now, ChronoUnit.MINUTES);
        }
    }

    private static int tightest(long[] left) {
        int tightest = 0;
        for (int i = 1; i < left.length; i++) {
            if (left[i] < left[tightest]) {
                tightest = i;
            }
        }
        return tightest;
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

    private static Instant nextBoundary(Instant now, ChronoUnit window) {
        return now.truncatedTo(window).plus(1, window);
    }
}
