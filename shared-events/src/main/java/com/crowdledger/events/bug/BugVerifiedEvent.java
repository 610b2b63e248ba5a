package com.crowdledger.events.bug;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** The fix of a bug was checked and holds. */
public record BugVerifiedEvent(String bugId, String accountId, Mode mode, String campaignId, Instant verifiedAt)
        implements TenantEvent {
}
