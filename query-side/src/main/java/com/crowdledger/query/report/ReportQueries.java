package com.crowdledger.query.report;

import com.crowdledger.query.report.TrackingReport.TrackingReportGroup;
import com.crowdledger.query.report.TrackingReport.TrackingReportRow;
import com.crowdledger.query.report.TrackingReport.TrackingReportTotals;
import com.crowdledger.query.tracking.Period;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds reports from the rollups: one query, then the ratios and money formatting. */
@Component
class ReportQueries {
    static final String GROUP_BY = "groupBy";
    static final String CURRENCY = "currency";
    static final int MAX_ROWS = 10_000;
    /** Used when nothing matches and no currency was asked for. */
    static final String DEFAULT_CURRENCY = "USD";
    private static final int RATIO_DECIMALS = 4;

    enum Dimension { DAY, OFFER, PARTNER, SUB1 }

    private final ReportRepository rollups;

    ReportQueries(ReportRepository rollups) {
        this.rollups = rollups;
    }

    /** The dimensions named in {@code groupBy} ("day,offer"); an empty value groups nothing. */
    static Set<Dimension> dimensions(String groupBy) {
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        for (String name : groupBy.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                dimensions.add(Dimension.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(GROUP_BY, "must list some of day, offer, partner, sub1 (comma-separated)");
            }
        }
        return dimensions;
    }

    @Transactional(readOnly = true)
    public TrackingReport report(Tenant tenant, Period period, String offerId, String partnerId, String currency,
                                 Set<Dimension> groupBy) {
        boolean byDay = groupBy.contains(Dimension.DAY);
        boolean byOffer = groupBy.contains(Dimension.OFFER);
        boolean byPartner = groupBy.contains(Dimension.PARTNER);
        ReportRepository.Question question = new ReportRepository.Question(tenant, period.firstDay(),
                period.lastDay(), currency, offerId, partnerId, byDay, byOffer, byPartner,
                groupBy.contains(Dimension.SUB1), MAX_ROWS + 1);
        List<ReportRepository.Sums> groups = rollups.sums(question);
        if (groups.size() > MAX_ROWS) {
            throw DomainException.invalid(GROUP_BY, "the report would have more than " + MAX_ROWS
                    + " rows: ask for fewer days, filter by offer or partner, or group by less");
        }
        Set<String> currencies = new TreeSet<>(groups.stream().map(ReportRepository.Sums::currency).toList());
        if (currencies.size() > 1) {
            throw DomainException.invalid(CURRENCY, "these offers earn in " + String.join(", ", currencies)
                    + ": ask for one of them");
        }
        String reported = currency != null ? currency : currencies.stream().findFirst().orElse(DEFAULT_CURRENCY);
        long clicks = 0;
        long uniqueClicks = 0;
        long conversions = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal payout = BigDecimal.ZERO;
        List<TrackingReportRow> rows = new ArrayList<>();
        for (ReportRepository.Sums sums : groups) {
            rows.add(new TrackingReportRow(new TrackingReportGroup(sums.day(), sums.offer(), sums.partner(),
                    groupBy.contains(Dimension.SUB1) ? sums.sub1() : null), sums.clicks(),
                    sums.uniqueClicks(), sums.conversions(), ratio(sums.conversions(), sums.clicks()),
                    money(sums.revenue(), reported), money(sums.payout(), reported),
                    money(sums.revenue().subtract(sums.payout()), reported),
                    perClick(sums.payout(), sums.clicks(), reported)));
            clicks += sums.clicks();
            uniqueClicks += sums.uniqueClicks();
            conversions += sums.conversions();
            revenue = revenue.add(sums.revenue());
            payout = payout.add(sums.payout());
        }
        return new TrackingReport(reported, rows, new TrackingReportTotals(clicks, uniqueClicks, conversions,
                ratio(conversions, clicks), money(revenue, reported), money(payout, reported),
                money(revenue.subtract(payout), reported), perClick(payout, clicks, reported)));
    }

    private static String money(BigDecimal amount, String currency) {
        return new Money(amount, currency).amount().toPlainString();
    }

    private static String ratio(long count, long clicks) {
        return clicks == 0 ? null
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(clicks), RATIO_DECIMALS, RoundingMode.HALF_EVEN)
                        .toPlainString();
    }

    /** Payout per click, to two places beyond the currency's own (cents and hundredths of a cent). */
    private static String perClick(BigDecimal payout, long clicks, String currency) {
        int decimals = Math.max(Money.currencyOf(currency).getDefaultFractionDigits(), 0) + 2;
        return clicks == 0 ? null
                : payout.divide(BigDecimal.valueOf(clicks), decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
