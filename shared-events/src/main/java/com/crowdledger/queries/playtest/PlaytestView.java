package com.crowdledger.queries.playtest;

import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.events.playtest.PlaytestVisibility;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A playtest as its owner sees it. Money is in integer minor units ({@code costPerSlotCents}, {@code payoutCents})
 * of {@code currency}.
 */
public record PlaytestView(
        String id,
        String gameId,
        String title,
        PlaytestVisibility visibility,
        int quantity,
        int durationMinutes,
        int playerCount,
        @Nullable String notesForTesters,
        List<String> keysForTesters,
        long costPerSlotCents,
        long payoutCents,
        String currency,
        List<String> invitedTesters,
        PlaytestStatus status,
        SlotCounts slots,
        Instant createdAt,
        Instant updatedAt) {
}
