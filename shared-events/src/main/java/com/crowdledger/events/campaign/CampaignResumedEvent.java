package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A paused campaign is active again. */
public record CampaignResumedEvent(String campaignId, String accountId, Mode mode, Instant resumedAt)
        implements TenantEvent {
}
