package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An owner ordered a playtest of one of its games, with {@code slotIds.size() == quantity} open slots. The i-th key
 * of {@code keysForTesters} (if any) belongs to the i-th slot. {@code prepaid} is what the order charges at once
 * ({@code quantity × costPerSlot} for a private order, zero for a public one): billing's policy charges it in the
 * order's transaction, and refuses the order when the credit is short.
 */
public record PlaytestOrderedEvent(
        String playtestId,
        String accountId,
        Mode mode,
        String gameId,
        String title,
        PlaytestVisibility visibility,
        int quantity,
        int durationMinutes,
        int playerCount,
        @Nullable String notesForTesters,
        List<String> keysForTesters,
        Money costPerSlot,
        Money payout,
        Money prepaid,
        List<String> invitedTesters,
        List<String> slotIds,
        Instant orderedAt) implements TenantEvent {
}
