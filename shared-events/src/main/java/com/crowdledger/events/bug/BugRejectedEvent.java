package com.crowdledger.events.bug;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The owner rejected a triaged bug; a duplicate names the original report of the same campaign. */
public record BugRejectedEvent(
        String bugId,
        String accountId,
        Mode mode,
        String campaignId,
        String testerId,
        Resolution resolution,
        @Nullable String duplicateOf,
        Instant rejectedAt) implements TenantEvent {
}
