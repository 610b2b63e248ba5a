package com.crowdledger.command.campaign;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Launch, pause, resume, complete or cancel a campaign. */
public record MoveCampaignCommand(
        @TargetAggregateIdentifier String campaignId,
        Tenant owner,
        CampaignTransition transition) {
}
