package com.crowdledger.query.report;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports from the rollups: the rows of the tenant's days, summed per group and currency. A dimension not grouped by
 * comes back null (its CASE collapses the groups); the day is grouped and sorted as a date and read as its ISO text
 * ({@code to_char} on every row and sorting text in the database's collation cost more). Bounded by the primary keys'
 * prefix (account, mode, day). The smallest rollup that can answer is read: per day and offer unless the report
 * filters or groups by partner, per partner too if so, per sub1 too when grouped by it (a year by day and offer: 3,650
 * rows instead of 65,700 to group here). Plain JDBC into a record: a year grouped by day and offer is thousands of
 * rows, and a Spring Data interface projection spent three quarters of the request's CPU converting them value by
 * value.
 */
@Component
class ReportRepository {
    /** A rollup table and what it holds beyond day and offer (SQL for "none": null). */
    enum Rollup {
        BY_OFFER("report_daily_offer", "null", "null"),
        BY_PARTNER("report_daily", "r.partner_id", "null"),
        BY_SUB1("report_daily_sub1", "r.partner_id", "r.sub1");

        private final String sql;

        Rollup(String table, String partner, String sub1) {
            sql = """
                    select case when :byDay then r.day end,
                           case when :byOffer then r.offer_id end,
                           case when :byPartner then %2$s end,
                           %3$s,
                           sum(r.clicks)::bigint, sum(r.unique_clicks)::bigint, sum(r.conversions)::bigint,
                           sum(r.revenue), sum(r.payout), r.currency
                    from %1$s r
                    where r.account_id = :account and r.mode in (:modes) and r.day between :first and :last
                      and (cast(:currency as text) is null or r.currency = cast(:currency as text))
                      and (cast(:offer as text) is null or r.offer_id = cast(:offer as text))
                      and (cast(:partner as text) is null or %2$s = cast(:partner as text))
                    group by 1, 2, 3, 4, r.currency order by 1, 2, 3, 4, r.currency limit :limit
                    """.formatted(table, partner, sub1);
        }

        static Rollup answering(Question question) {
            if (question.bySub1()) {
                return BY_SUB1;
            }
            return question.byPartner() || question.partner() != null ? BY_PARTNER : BY_OFFER;
        }
    }

    /** Sums of the rows of one group and currency: the measures of one report row. */
    record Sums(String day, String offer, String partner, String sub1, long clicks, long uniqueClicks,
                long conversions, BigDecimal revenue, BigDecimal payout, String currency) {
    }

    /** What a report asks of the rollups: whose, which days, which filters, which dimensions. */
    record Question(Tenant tenant, LocalDate first, LocalDate last, String currency, String offer, String partner,
                    boolean byDay, boolean byOffer, boolean byPartner, boolean bySub1, int limit) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ReportRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Sums> sums(Question q) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("account", q.tenant().accountId())
                .addValue("modes", q.tenant().modes().stream().map(Mode::name).toList())
                .addValue("first", q.first()).addValue("last", q.last()).addValue("currency", q.currency())
                .addValue("offer", q.offer()).addValue("partner", q.partner())
                .addValue("byDay", q.byDay()).addValue("byOffer", q.byOffer()).addValue("byPartner", q.byPartner())
                .addValue("limit", q.limit());
        return jdbc.query(Rollup.answering(q).sql, parameters, (rs, i) -> new Sums(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9), rs.getString(10)));
    }
}
