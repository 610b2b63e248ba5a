package com.crowdledger.queries.playtest;

import com.crowdledger.events.playtest.SlotStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A slot of a playtest. {@code testerId} and {@code submission} are shown to the owner and to the tester holding
 * the slot; {@code key} (its game key, if the order gave one) only to that tester.
 */
public record SlotView(
        String id,
        String playtestId,
        String gameId,
        SlotStatus status,
        @Nullable String testerId,
        @Nullable Instant reservedUntil,
        @Nullable String key,
        long payoutCents,
        String currency,
        @Nullable PlaytestSubmissionView submission,
        Instant updatedAt) {
}
