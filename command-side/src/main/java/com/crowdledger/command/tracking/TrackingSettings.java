package com.crowdledger.command.tracking;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.tracking.day}: how long a day of an offer's hold period and attribution window lasts (default
 * one day; only tests shorten it, to see a hold end or a click expire). Conversions are approved within
 * {@link #holdBucket()} of their hold's end: one scheduled task per offer and bucket, not one per conversion.
 */
@ConfigurationProperties("crowdledger.tracking")
public record TrackingSettings(Duration day) {
    /** A day in 144 buckets: 10 minutes of a real day. */
    private static final int BUCKETS_PER_DAY = 144;

    public TrackingSettings {
        day = day == null ? Duration.ofDays(1) : day;
        if (day.isNegative() || day.isZero()) {
            throw new IllegalArgumentException("crowdledger.tracking.day must be positive");
        }
    }

    public Duration days(int count) {
        return day.multipliedBy(count);
    }

    public Duration holdBucket() {
        return day.dividedBy(BUCKETS_PER_DAY);
    }

    /** The end of the hold bucket that {@code at} falls in: the first bucket boundary at or after it. */
    public Instant holdBucketEnd(Instant at) {
        long bucketMillis = Math.max(1, holdBucket().toMillis());
        Instant end = Instant.ofEpochMilli(-Math.floorDiv(-at.toEpochMilli(), bucketMillis) * bucketMillis);
        return end.isBefore(at) ? end.plusMillis(bucketMillis) : end;
    }
}
