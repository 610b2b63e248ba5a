package com.crowdledger.command.campaign;

import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Change a campaign's fields; a null field stays as it is. {@code rewardPerBug} and {@code currency} combine with the
 * current reward (a new amount in the same currency, or the same amount in a new one).
 */
public record ChangeCampaignCommand(
        @TargetAggregateIdentifier String campaignId,
        Tenant owner,
        @Nullable String name,
        @Nullable Platform platform,
        @Nullable Integer testersRequired,
        @Nullable BigDecimal rewardPerBug,
        @Nullable String currency,
        @Nullable String description) {
}
