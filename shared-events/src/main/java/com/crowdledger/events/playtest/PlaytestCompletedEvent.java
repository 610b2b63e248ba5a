package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;

/** The owner closed the playtest: its open slots expired; reserved and submitted ones finish their course. */
public record PlaytestCompletedEvent(
        String playtestId,
        String accountId,
        Mode mode,
        List<String> expiredSlotIds,
        Instant completedAt) implements TenantEvent {
}
