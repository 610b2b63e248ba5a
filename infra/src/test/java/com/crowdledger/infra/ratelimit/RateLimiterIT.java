package com.crowdledger.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.infra.ratelimit.RateLimitSettings.Limits;
import com.crowdledger.it.IntegrationTest;
import com.crowdledger.shared.crypto.RandomTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The limiter against its real PostgreSQL table. */
class RateLimiterIT extends IntegrationTest {
    @Autowired
    RateLimiter limiter;

    /** An override that lowers a limit (to throttle an abuser) holds at once, though its bucket was in use. */
    @Test
    void newLimitsApplyAtOnceWhicheverWayTheyGo() {
        String bucket = "test:" + RandomTokens.base62(12);
        Limits generous = new Limits(1_000L, 10_000L, 100_000L);
        Limits strict = new Limits(2L, 10L, 100L);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.consume(bucket, generous).allowed()).isTrue();
        }
        assertThat(limiter.consume(bucket, strict).allowed()).isTrue();
        assertThat(limiter.consume(bucket, strict).allowed()).isTrue();
        RateLimiter.Decision third = limiter.consume(bucket, strict);
        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo(2);
        assertThat(limiter.consume(bucket, generous).allowed()).as("raised again").isTrue();
    }
}
