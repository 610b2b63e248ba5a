package com.crowdledger.query.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's analytics over a window of UTC days, {@code from} to {@code to}, both included. {@code bugs},
 * {@code acceptanceRate} and {@code medianTimeToTriageSeconds} describe the bugs reported in the window, in the
 * status they have now; {@code daily} and {@code rewardSpend} count what happened on each day of the window (a report
 * on the day it was made, an acceptance and its reward on the day it was accepted); {@code testers} is the campaign
 * now. So the sum of {@code daily[].reported} is {@code bugs.total}, and {@code rewardSpend.amount} is the sum of the
 * rewards of the acceptances counted in {@code daily[].accepted}.
 *
 * @param acceptanceRate            accepted ÷ (accepted + rejected), 4 decimals; accepted includes fixed and
 *                                  verified; null while none is decided
 * @param medianTimeToTriageSeconds median of the whole seconds from report to triage of the window's triaged bugs
 *                                  (the mean of the middle two for an even count); null while none is triaged
 */
public record CampaignAnalytics(
        String campaignId,
        LocalDate from,
        LocalDate to,
        AnalyticsBugCounts bugs,
        @Nullable BigDecimal acceptanceRate,
        AnalyticsTesterCounts testers,
        AnalyticsRewardSpend rewardSpend,
        @Nullable BigDecimal medianTimeToTriageSeconds,
        List<AnalyticsDay> daily) {

    public record AnalyticsBugCounts(long total, AnalyticsStatusCounts byStatus, AnalyticsSeverityCounts bySeverity) {
    }

    public record AnalyticsStatusCounts(@JsonProperty("new") long reported, long triaged, long accepted, long rejected,
                                        long fixed, long verified) {
    }

    public record AnalyticsSeverityCounts(long critical, long high, long medium, long low) {
    }

    public record AnalyticsTesterCounts(int joined, int required) {
    }

    /** An exact decimal in the campaign's currency. */
    public record AnalyticsRewardSpend(BigDecimal amount, String currency) {
    }

    public record AnalyticsDay(LocalDate date, long reported, long accepted) {
    }
}
