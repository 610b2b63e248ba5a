package com.crowdledger.query.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report (SPEC §5): a row per group and the totals, money as exact decimal strings in {@code currency}. CVR is
 * conversions per click and EPC payout per click (null without clicks); profit is revenue less payout.
 */
record TrackingReport(String currency, List<TrackingReportRow> rows, TrackingReportTotals totals) {

    /** One group's figures. */
    record TrackingReportRow(TrackingReportGroup group, long clicks, long uniqueClicks, long conversions,
                             @Nullable String cvr, String revenue, String payout, String profit, @Nullable String epc) {
    }

    /** What a row is of: only the dimensions grouped by are present ({@code sub1} is "" for clicks without one). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrackingReportGroup(@Nullable String day, @Nullable String offer, @Nullable String partner,
                               @Nullable String sub1) {
    }

    /** Everything the filters select: the sum of the rows. */
    record TrackingReportTotals(long clicks, long uniqueClicks, long conversions, @Nullable String cvr, String revenue,
                                String payout, String profit, @Nullable String epc) {
    }
}
