package com.crowdledger.query.playtest;

import com.crowdledger.events.playtest.PlaytestVisibility;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An open playtest as a tester discovers it: what it pays ({@code payoutCents} of {@code currency}) and the slots it
 * can claim ({@code openSlotIds}). No keys, no other testers.
 */
public record OpenPlaytestView(
        String id,
        String gameId,
        String title,
        PlaytestVisibility visibility,
        int durationMinutes,
        int playerCount,
        @Nullable String notesForTesters,
        long payoutCents,
        String currency,
        int openSlots,
        List<String> openSlotIds,
        Instant createdAt) {
}
