package com.crowdledger.command.campaign;

import com.crowdledger.shared.Money;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Create a draft campaign for the owner's account, in the mode of its key. */
public record CreateCampaignCommand(
        @TargetAggregateIdentifier String campaignId,
        Tenant owner,
        String name,
        Platform platform,
        int testersRequired,
        Money rewardPerBug,
        @Nullable String description) {
}
