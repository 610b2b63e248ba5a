package com.crowdledger.command.playtest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.playtest.*}: how long a slot's reservation lasts (48 h) and how long before its end the tester
 * is reminded (2 h; half the lifetime when that is shorter).
 */
@ConfigurationProperties("crowdledger.playtest")
public record PlaytestSettings(Duration reservationLifetime, Duration reservationWarning) {
    public PlaytestSettings {
        reservationLifetime = reservationLifetime == null ? Duration.ofHours(48) : reservationLifetime;
        reservationWarning = reservationWarning == null ? Duration.ofHours(2) : reservationWarning;
        if (reservationLifetime.isNegative() || reservationLifetime.isZero() || reservationWarning.isNegative()) {
            throw new IllegalArgumentException("crowdledger.playtest.reservation-* must be positive");
        }
    }

    /** The reminder's lead time, always inside the reservation. */
    public Duration warning() {
        return reservationWarning.compareTo(reservationLifetime) < 0 ? reservationWarning
                : reservationLifetime.dividedBy(2);
    }
}
