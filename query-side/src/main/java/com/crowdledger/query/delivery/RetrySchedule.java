package com.crowdledger.query.delivery;

import com.crowdledger.shared.crypto.RandomTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, the n-th delay (SPEC §8: about 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h), each stretched or shrunk by up to 10 % at random so that deliveries that failed
 * together (an endpoint that was down) do not all come back at the same second.
 */
final class RetrySchedule {
    static final double JITTER = 0.1;

    private final List<Duration> delays;

    RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /** When the attempt after attempt number {@code failed} (1 for the first) is due; empty after the last one. */
    Optional<Instant> nextAfter(int failed, Instant now) {
        if (failed < 1 || failed > delays.size()) {
            return Optional.empty();
        }
        double factor = 1 - JITTER + 2 * JITTER * RandomTokens.fraction();
        return Optional.of(now.plusMillis(Math.round(delays.get(failed - 1).toMillis() * factor)));
    }

    /** The longest wait between two attempts of one delivery, jitter included. */
    Duration longestWait() {
        Duration longest = delays.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return Duration.ofMillis(Math.round(longest.toMillis() * (1 + JITTER)));
    }

    /** How many attempts a delivery gets at most, the first included. */
    int attempts() {
        return delays.size() + 1;
    }
}
