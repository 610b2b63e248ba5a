package com.crowdledger.events.campaign;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A tester took one of a campaign's places. {@code accountId} is the campaign's owner; the tester is a second party,
 * named by its profile ({@code testerId}) and its own account.
 */
public record TesterJoinedCampaignEvent(
        String campaignId,
        String accountId,
        Mode mode,
        String testerId,
        String testerAccountId,
        Instant joinedAt) implements TenantEvent {
}
