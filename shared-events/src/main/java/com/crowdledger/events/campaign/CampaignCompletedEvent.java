package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** An active campaign ended as planned; nobody joins or reports any more. */
public record CampaignCompletedEvent(String campaignId, String accountId, Mode mode, Instant completedAt)
        implements TenantEvent {
}
