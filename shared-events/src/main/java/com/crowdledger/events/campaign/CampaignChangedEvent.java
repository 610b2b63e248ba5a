package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A campaign's editable fields changed; the event holds all of them as they are now. */
public record CampaignChangedEvent(
        String campaignId,
        String accountId,
        Mode mode,
        String name,
        Platform platform,
        int testersRequired,
        Money rewardPerBug,
        @Nullable String description,
        Instant changedAt) implements TenantEvent {
}
