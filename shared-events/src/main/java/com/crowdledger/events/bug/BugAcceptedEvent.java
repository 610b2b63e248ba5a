package com.crowdledger.events.bug;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * The owner accepted a triaged bug as valid. Always applied together with the tester's
 * {@link com.crowdledger.events.earning.TesterEarningRecordedEvent} for it, in the same command.
 */
public record BugAcceptedEvent(
        String bugId,
        String accountId,
        Mode mode,
        String campaignId,
        String testerId,
        Instant acceptedAt) implements TenantEvent {
}
