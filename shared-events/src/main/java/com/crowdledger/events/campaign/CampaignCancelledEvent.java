package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A campaign was called off before it completed; nobody joins or reports any more. */
public record CampaignCancelledEvent(String campaignId, String accountId, Mode mode, Instant cancelledAt)
        implements TenantEvent {
}
