package com.crowdledger.queries.campaign;

import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.shared.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A campaign as its owner sees it. {@code rewardPerBug} is an exact decimal in {@code currency}. */
public record CampaignView(
        String id,
        String name,
        Platform platform,
        int testersRequired,
        int testersJoined,
        BigDecimal rewardPerBug,
        String currency,
        @Nullable String description,
        CampaignStatus status,
        Instant createdAt,
        Instant updatedAt) {
}
