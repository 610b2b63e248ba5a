package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * The tester's reservation ends soon, at {@code reservedUntil}, and nothing was submitted yet (for a reminder). {@code
 * accountId} is the playtest's owner; {@code testerId} the tester's profile and {@code testerAccountId}
 * its account.
 */
public record SlotReservationExpiringEvent(
        String playtestId,
        String slotId,
        String accountId,
        Mode mode,
        String testerId,
        String testerAccountId,
        int reservation,
        Instant reservedUntil) implements TenantEvent {
}
