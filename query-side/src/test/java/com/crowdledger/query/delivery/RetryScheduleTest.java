package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(new DeliverySettings(false, null, null, null, null, null,
            null, null).retryDelays());

    @Test
    void theDefaultIsSpecEightsScheduleWithTenPercentJitter() {
        List<Duration> spec = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        assertThat(schedule.attempts()).isEqualTo(8);
        for (int failed = 1; failed <= spec.size(); failed++) {
            Set<Instant> seen = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                Instant next = schedule.nextAfter(failed, NOW).orElseThrow();
                Duration delay = Duration.between(NOW, next);
                Duration expected = spec.get(failed - 1);
                assertThat(delay).isBetween(expected.multipliedBy(9).dividedBy(10),
                        expected.multipliedBy(11).dividedBy(10));
                seen.add(next);
            }
            assertThat(seen).as("jittered").hasSizeGreaterThan(10);
        }
    }

    @Test
    void theLastAttemptHasNoSuccessor() {
        assertThat(schedule.nextAfter(8, NOW)).isEmpty();
        assertThat(schedule.nextAfter(9, NOW)).isEmpty();
    }
}
