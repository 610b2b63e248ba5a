package com.crowdledger.events.bug;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** The owner looked at a new bug report and took it up for a decision. */
public record BugTriagedEvent(
        String bugId,
        String accountId,
        Mode mode,
        String campaignId,
        String testerId,
        Instant triagedAt) implements TenantEvent {
}
