package com.crowdledger.command.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * Tracking's "now": Axon's event clock (tests may set it), to the microsecond PostgreSQL keeps, so a time in a
 * command's answer is the same as in every later read of it.
 */
public final class TrackingClock {
    private TrackingClock() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
