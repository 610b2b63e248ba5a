package com.crowdledger.query.analytics;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.Severity;
import com.crowdledger.query.analytics.CampaignAnalytics.AnalyticsBugCounts;
import com.crowdledger.query.analytics.CampaignAnalytics.AnalyticsDay;
import com.crowdledger.query.analytics.CampaignAnalytics.AnalyticsRewardSpend;
import com.crowdledger.query.analytics.CampaignAnalytics.AnalyticsSeverityCounts;
import com.crowdledger.query.analytics.CampaignAnalytics.AnalyticsStatusCounts;
import com.crowdledger.query.analytics.CampaignAnalytics.AnalyticsTesterCounts;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a campaign's analytics from its counters: the campaign's row (within the caller's tenant), its cohorts and
 * days within the window (a few rows per day), and the triage times of the window's triaged bugs for the median
 * (an index-only scan), in one round trip. Nothing here grows with the account's other campaigns. It is plain JDBC:
 * through Spring Data, the campaign's row alone took over a third of the request's CPU (README, "Crowdtesting
 * (issue 7)").
 */
@Component
class CampaignAnalyticsQueries {
    /** The longest window, in days: a year, leap day included. */
    static final int MAX_DAYS = 366;

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    CampaignAnalyticsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's own figures. */
    private record Campaign(LocalDate createdOn, int testersRequired, int testersJoined, String currency) {
    }

    /** What the read's four statements return. */
    private static final class Figures {
        @Nullable Campaign campaign;
        final Map<BugStatus, Long> byStatus = new EnumMap<>(BugStatus.class);
        final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        final Map<LocalDate, AnalyticsDay> days = new HashMap<>();
        BigDecimal spend = BigDecimal.ZERO;
        @Nullable Double medianTriageSeconds;
    }

    /** The campaign's row, when it is the caller's: {@code Tenancy.OWNED}, written in SQL (4 parameters). */
    private static final String OWNED = "campaign_id = ? and account_id = ? and (mode = ? or ?)";

    /**
     * The campaign's row within the owner's tenant, then its cohorts, days and triage times between two days, each
     * only for a campaign of the caller's, so another's costs no more than an unknown id. One prepared statement
     * holding four queries: the driver sends them together and PostgreSQL answers with four results, one round trip
     * instead of four. Under load every round trip is a wait for the CPU on the way back.
     */
    private static final String READ = """
            select created_on, testers_required, testers_joined, currency from analytics_campaigns where %1$s;
            select status, severity, sum(bugs) from analytics_cohorts
            where campaign_id = %2$s and reported_on between ? and ?
            group by status, severity;
            select day, reported, accepted, reward_spend from analytics_days
            where campaign_id = %2$s and day between ? and ?;
            select percentile_cont(0.5) within group (order by triage_seconds) from analytics_bugs
            where campaign_id = %2$s and reported_on between ? and ? and triage_seconds is not null"""
            .formatted(OWNED, "(select campaign_id from analytics_campaigns where " + OWNED + ")");

    /**
     * @param from null: the campaign's first day, or the earliest day that keeps the window within a year
     * @param to   null: today (UTC)
     */
    CampaignAnalytics analytics(Tenant owner, String campaignId, @Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.now(clock);
        if (from != null) {
            requireValidWindow(from, last, to); // before anything is read: a window of years reads nothing
        }
        // without a from, the figures are read from a year back: nothing of a campaign is dated before the day it
        // was created (its bugs come after its launch), so they are those of the window from its first day, which is
        // known only once its row is read
        Figures figures = read(owner, campaignId, from != null ? from : last.minusDays(MAX_DAYS - 1), last);
        Campaign campaign = figures.campaign;
        if (campaign == null) {
            throw DomainException.notFound("Campaign");
        }
        LocalDate first = from != null ? from : latest(campaign.createdOn(), last.minusDays(MAX_DAYS - 1));
        requireValidWindow(first, last, to);

        List<AnalyticsDay> daily = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            daily.add(figures.days.getOrDefault(day, new AnalyticsDay(day, 0, 0)));
        }
        Map<BugStatus, Long> byStatus = figures.byStatus;
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Money rewardSpend = new Money(figures.spend, campaign.currency());
        Double median = figures.medianTriageSeconds;
        return new CampaignAnalytics(campaignId, first, last,
                new AnalyticsBugCounts(total, statusCounts(byStatus), severityCounts(figures.bySeverity)),
                acceptanceRate(byStatus),
                new AnalyticsTesterCounts(campaign.testersJoined(), campaign.testersRequired()),
                new AnalyticsRewardSpend(rewardSpend.amount(), rewardSpend.currency()),
                median == null ? null : BigDecimal.valueOf(median).setScale(1, RoundingMode.UNNECESSARY),
                daily);
    }

    private static void requireValidWindow(LocalDate first, LocalDate last, @Nullable LocalDate to) {
        if (last.isBefore(first)) {
            throw DomainException.invalid(to != null ? "to" : "from", "the window ends before it starts ("
                    + first + " to " + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw DomainException.invalid("to", "a window is at most " + MAX_DAYS + " days");
        }
    }

    private Figures read(Tenant owner, String campaignId, LocalDate first, LocalDate last) {
        List<Object> owned = List.of(campaignId, owner.accountId(), owner.someMode().name(), owner.seesEveryMode());
        List<Object> parameters = new ArrayList<>(owned);
        for (int query = 0; query < 3; query++) { // cohorts, days, triage times: each owned, within the window
            parameters.addAll(owned);
            parameters.add(first);
            parameters.add(last);
        }
        return jdbc.execute(READ, (PreparedStatement statement) -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            Figures figures = new Figures();
            statement.execute();
            try (ResultSet row = statement.getResultSet()) {
                if (row.next()) {
                    figures.campaign = new Campaign(row.getObject(1, LocalDate.class), row.getInt(2), row.getInt(3),
                            row.getString(4));
                }
            }
            statement.getMoreResults();
            try (ResultSet row = statement.getResultSet()) {
                while (row.next()) {
                    long bugs = row.getLong(3);
                    figures.byStatus.merge(BugStatus.valueOf(row.getString(1)), bugs, Long::sum);
                    figures.bySeverity.merge(Severity.valueOf(row.getString(2)), bugs, Long::sum);
                }
            }
            statement.getMoreResults();
            try (ResultSet row = statement.getResultSet()) {
                while (row.next()) {
                    LocalDate day = row.getObject(1, LocalDate.class);
                    figures.days.put(day, new AnalyticsDay(day, row.getLong(2), row.getLong(3)));
                    figures.spend = figures.spend.add(row.getBigDecimal(4));
                }
            }
            statement.getMoreResults();
            try (ResultSet row = statement.getResultSet()) {
                row.next();
                double median = row.getDouble(1);
                figures.medianTriageSeconds = row.wasNull() ? null : median;
            }
            return figures;
        });
    }

    /** Accepted (fixed and verified included) ÷ decided; null while nothing is decided. */
    static BigDecimal acceptanceRate(Map<BugStatus, Long> byStatus) {
        long accepted = count(byStatus, BugStatus.ACCEPTED) + count(byStatus, BugStatus.FIXED)
                + count(byStatus, BugStatus.VERIFIED);
        long decided = accepted + count(byStatus, BugStatus.REJECTED);
        return decided == 0 ? null
                : BigDecimal.valueOf(accepted).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
    }

    private static AnalyticsStatusCounts statusCounts(Map<BugStatus, Long> byStatus) {
        return new AnalyticsStatusCounts(count(byStatus, BugStatus.NEW), count(byStatus, BugStatus.TRIAGED),
                count(byStatus, BugStatus.ACCEPTED), count(byStatus, BugStatus.REJECTED),
                count(byStatus, BugStatus.FIXED), count(byStatus, BugStatus.VERIFIED));
    }

    private static AnalyticsSeverityCounts severityCounts(Map<Severity, Long> bySeverity) {
        return new AnalyticsSeverityCounts(bySeverity.getOrDefault(Severity.CRITICAL, 0L),
                bySeverity.getOrDefault(Severity.HIGH, 0L), bySeverity.getOrDefault(Severity.MEDIUM, 0L),
                bySeverity.getOrDefault(Severity.LOW, 0L));
    }

    private static long count(Map<BugStatus, Long> byStatus, BugStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
