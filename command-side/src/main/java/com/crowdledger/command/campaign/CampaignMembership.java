package com.crowdledger.command.campaign;

import java.time.Instant;

/** A tester's place in a campaign: {@code status} is {@code joined}. */
public record CampaignMembership(String campaignId, String testerId, String status, Instant createdAt) {
    static CampaignMembership joined(String campaignId, String testerId, Instant at) {
        return new CampaignMembership(campaignId, testerId, "joined", at);
    }
}
