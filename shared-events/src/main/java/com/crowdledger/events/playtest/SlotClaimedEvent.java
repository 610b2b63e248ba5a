package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A tester reserved the slot until {@code reservedUntil} (its {@code reservation}-th reservation); it may submit until
 * then. {@code accountId} is the playtest's owner; {@code testerId} the tester's profile and {@code testerAccountId}
 * its account.
 */
public record SlotClaimedEvent(
        String playtestId,
        String slotId,
        String accountId,
        Mode mode,
        String testerId,
        String testerAccountId,
        int reservation,
        Instant reservedUntil,
        Instant claimedAt) implements TenantEvent {
}
