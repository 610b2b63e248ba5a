package com.crowdledger.query.report;

import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Reports from the rollups: the rows of the tenant's days, summed per group and currency. A dimension not grouped by
 * comes back null (its CASE collapses the groups). Bounded by the primary keys' prefix (account, mode, day).
 */
interface ReportRepository extends Repository<DailyRollup, DailyRollup.Key> {
    String TENANT = "r.account_id = :#{#tenant.accountId()} and r.mode in (:#{#tenant.modes().![name()]})";
    String FILTERS = " and r.day between :first and :last"
            + " and (cast(:currency as text) is null or r.currency = cast(:currency as text))"
            + " and (cast(:offer as text) is null or r.offer_id = cast(:offer as text))"
            + " and (cast(:partner as text) is null or r.partner_id = cast(:partner as text))";
    String SUMS = """
            sum(r.clicks)::bigint as "clicks", sum(r.unique_clicks)::bigint as "uniqueClicks",
            sum(r.conversions)::bigint as "conversions", sum(r.revenue) as "revenue", sum(r.payout) as "payout",
            r.currency as "currency"
            """;
    String GROUPS = """
            case when :byDay then to_char(r.day, 'YYYY-MM-DD') end as "day",
            case when :byOffer then r.offer_id end as "offer",
            case when :byPartner then r.partner_id end as "partner",
            """;

    /** Sums of the rows of each group and currency: the measures of one report row. */
    interface Sums {
        String getDay();

        String getOffer();

        String getPartner();

        String getSub1();

        long getClicks();

        long getUniqueClicks();

        long getConversions();

        BigDecimal getRevenue();

        BigDecimal getPayout();

        String getCurrency();
    }

    @Query(nativeQuery = true, value = "select " + GROUPS + " null as \"sub1\", " + SUMS
            + " from report_daily r where " + TENANT + FILTERS
            + " group by 1, 2, 3, r.currency order by 1, 2, 3, r.currency limit :limit")
    List<Sums> daily(Tenant tenant, LocalDate first, LocalDate last, String currency, String offer, String partner,
                     boolean byDay, boolean byOffer, boolean byPartner, int limit);

    @Query(nativeQuery = true, value = "select " + GROUPS + " r.sub1 as \"sub1\", " + SUMS
            + " from report_daily_sub1 r where " + TENANT + FILTERS
            + " group by 1, 2, 3, 4, r.currency order by 1, 2, 3, 4, r.currency limit :limit")
    List<Sums> bySub1(Tenant tenant, LocalDate first, LocalDate last, String currency, String offer, String partner,
                      boolean byDay, boolean byOffer, boolean byPartner, int limit);
}
