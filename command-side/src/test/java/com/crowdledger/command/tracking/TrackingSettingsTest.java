package com.crowdledger.command.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackingSettingsTest {

    @Test
    void aDayHas144HoldBucketsOfTenMinutes() {
        TrackingSettings settings = new TrackingSettings(null);

        assertThat(settings.days(30)).isEqualTo(Duration.ofDays(30));
        assertThat(settings.holdBucket()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.holdBucketEnd(Instant.parse("2026-03-01T10:03:00.000001Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:10:00Z"));
        assertThat(settings.holdBucketEnd(Instant.parse("2026-03-01T10:10:00Z")))
                .isEqualTo(Instant.parse("2026-03-01T10:10:00Z"));
    }

    @Test
    void aShortenedDayShortensBucketsAlike() {
        TrackingSettings settings = new TrackingSettings(Duration.ofSeconds(2));

        assertThat(settings.days(3)).isEqualTo(Duration.ofSeconds(6));
        Instant at = Instant.parse("2026-03-01T10:00:00.0001Z");
        assertThat(settings.holdBucketEnd(at)).isAfterOrEqualTo(at).isBefore(at.plusMillis(14));
    }
}
