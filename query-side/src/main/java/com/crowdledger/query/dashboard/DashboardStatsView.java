package com.crowdledger.query.dashboard;

import com.crowdledger.queries.playtest.SlotCounts;
import org.jspecify.annotations.Nullable;

/**
 * An owner's playtesting at a glance, in the mode of its key: games, playtests and slots by status, submissions
 * awaiting review, what was spent this (UTC) month and the credit balance, in minor units of {@code currency} (null
 * before any money moved).
 */
public record DashboardStatsView(
        long games,
        DashboardPlaytestCounts playtests,
        SlotCounts slots,
        long submissionsAwaitingReview,
        long spendThisMonthCents,
        long creditBalanceCents,
        @Nullable String currency) {

    /** Playtests by status. */
    public record DashboardPlaytestCounts(long open, long completed, long cancelled) {
    }
}
