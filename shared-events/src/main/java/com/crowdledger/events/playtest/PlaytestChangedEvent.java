package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An open playtest's title or notes for testers changed (its terms never do). */
public record PlaytestChangedEvent(
        String playtestId,
        String accountId,
        Mode mode,
        String title,
        @Nullable String notesForTesters,
        Instant changedAt) implements TenantEvent {
}
