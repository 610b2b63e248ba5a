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
 * comes back null (its CASE collapses the groups). Bounded by the primary keys' prefix (account, mode, day). Plain
 * JDBC into a record: a year grouped by day and offer is thousands of rows, and a Spring Data interface projection
 * spent three quarters of the request's CPU converting them value by value.
 */
@Component
class ReportRepository {
    private static final String TENANT = "r.account_id = :account and r.mode in (:modes)";
    private static final String FILTERS = " and r.day between :first and :last"
            + " and (cast(:currency as text) is null or r.currency = cast(:currency as text))"
            + " and (cast(:offer as text) is null or r.offer_id = cast(:offer as text))"
            + " and (cast(:partner as text) is null or r.partner_id = cast(:partner as text))";
    private static final String SUMS = """
            sum(r.clicks)::bigint, sum(r.unique_clicks)::bigint, sum(r.conversions)::bigint, sum(r.revenue),
            sum(r.payout), r.currency
            """;
    private static final String GROUPS = """
            case when :byDay then to_char(r.day, 'YYYY-MM-DD') end,
            case when :byOffer then r.offer_id end,
            case when :byPartner then r.partner_id end,
            """;
    private static final String DAILY = "select " + GROUPS + " null, " + SUMS + " from report_daily r where " + TENANT
            + FILTERS + " group by 1, 2, 3, r.currency order by 1, 2, 3, r.currency limit :limit";
    private static final String BY_SUB1 = "select " + GROUPS + " r.sub1, " + SUMS + " from report_daily_sub1 r where "
            + TENANT + FILTERS + " group by 1, 2, 3, 4, r.currency order by 1, 2, 3, 4, r.currency limit :limit";

    /** Sums of the rows of one group and currency: the measures of one report row. */
    record Sums(String day, String offer, String partner, String sub1, long clicks, long uniqueClicks,
                long conversions, BigDecimal revenue, BigDecimal payout, String currency) {
    }

    /** What a report asks of the rollups: whose, which days, which filters, which dimensions. */
    record Question(Tenant tenant, LocalDate first, LocalDate last, String currency, String offer, String partner,
                    boolean byDay, boolean byOffer, boolean byPartner, int limit) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ReportRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Sums> daily(Question question) {
        return sums(DAILY, question);
    }

    List<Sums> bySub1(Question question) {
        return sums(BY_SUB1, question);
    }

    private List<Sums> sums(String sql, Question q) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("account", q.tenant().accountId())
                .addValue("modes", q.tenant().modes().stream().map(Mode::name).toList())
                .addValue("first", q.first()).addValue("last", q.last()).addValue("currency", q.currency())
                .addValue("offer", q.offer()).addValue("partner", q.partner())
                .addValue("byDay", q.byDay()).addValue("byOffer", q.byOffer()).addValue("byPartner", q.byPartner())
                .addValue("limit", q.limit());
        return jdbc.query(sql, parameters, (rs, i) -> new Sums(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getString(10)));
    }
}
