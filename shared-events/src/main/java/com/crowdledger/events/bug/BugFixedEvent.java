package com.crowdledger.events.bug;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** The owner fixed an accepted bug. */
public record BugFixedEvent(String bugId, String accountId, Mode mode, String campaignId, Instant fixedAt)
        implements TenantEvent {
}
