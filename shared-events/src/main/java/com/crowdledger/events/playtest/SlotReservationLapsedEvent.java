package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * The reservation ended without a submission: the slot is open again. {@code accountId} is the playtest's owner;
 * {@code testerId} the tester's profile and {@code testerAccountId}
 * its account.
 */
public record SlotReservationLapsedEvent(
        String playtestId,
        String slotId,
        String accountId,
        Mode mode,
        String testerId,
        String testerAccountId,
        int reservation,
        Instant lapsedAt) implements TenantEvent {
}
