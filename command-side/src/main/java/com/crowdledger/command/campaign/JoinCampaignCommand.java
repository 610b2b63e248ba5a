package com.crowdledger.command.campaign;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A tester (its own account, in the mode of its key, and its profile there) takes a place in a campaign. */
public record JoinCampaignCommand(
        @TargetAggregateIdentifier String campaignId,
        Tenant tester,
        String testerId) {
}
