package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An owner created a campaign; it starts as a draft. */
public record CampaignCreatedEvent(
        String campaignId,
        String accountId,
        Mode mode,
        String name,
        Platform platform,
        int testersRequired,
        Money rewardPerBug,
        @Nullable String description,
        Instant createdAt) implements TenantEvent {
}
