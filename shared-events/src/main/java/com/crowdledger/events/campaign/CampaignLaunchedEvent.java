package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A draft campaign went live: testers can join it and report bugs. */
public record CampaignLaunchedEvent(String campaignId, String accountId, Mode mode, Instant launchedAt)
        implements TenantEvent {
}
