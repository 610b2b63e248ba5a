package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** An active campaign was paused: nobody joins or reports until it resumes. */
public record CampaignPausedEvent(String campaignId, String accountId, Mode mode, Instant pausedAt)
        implements TenantEvent {
}
