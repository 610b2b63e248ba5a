package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;

/**
 * The owner cancelled the playtest: its open and reserved slots expired. {@code refund} is the cost of every prepaid
 * (private) slot not yet submitted; billing's policy credits it back in the same transaction.
 */
public record PlaytestCancelledEvent(
        String playtestId,
        String accountId,
        Mode mode,
        List<String> expiredSlotIds,
        Money refund,
        Instant cancelledAt) implements TenantEvent {
}
