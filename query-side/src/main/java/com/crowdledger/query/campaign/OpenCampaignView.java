package com.crowdledger.query.campaign;

import com.crowdledger.shared.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An active campaign with free places, as testers of its mode discover it: its public fields only. */
public record OpenCampaignView(
        String id,
        String name,
        Platform platform,
        @Nullable String description,
        BigDecimal rewardPerBug,
        String currency,
        int placesLeft,
        Instant createdAt) {
}
