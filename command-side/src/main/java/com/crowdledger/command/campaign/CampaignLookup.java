package com.crowdledger.command.campaign;

import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the bug side must know of a campaign to decide (whose it is, whether it is active, what it pays, who joined),
 * kept in the write model's own table in the transaction of every campaign event. No lock is needed to read it: a
 * bug report that read a campaign as active, or a tester as not yet joined, orders before the pause or the join it
 * did not see, which is the answer some sequential order gives.
 */
public interface CampaignLookup {
    /**
     * The campaign and, if the tester with this account joined it, the tester's profile id.
     */
    Optional<CampaignFacts> find(String campaignId, String testerAccountId);

    /** A campaign as the write model knows it; {@code testerId} is the asking tester's profile if it joined. */
    record CampaignFacts(String accountId, Mode mode, CampaignStatus status, Money rewardPerBug,
                         @Nullable String testerId) {
        public boolean joined() {
            return testerId != null;
        }
    }
}
