package com.crowdledger.query.bug;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.events.bug.Severity;
import com.crowdledger.queries.bug.BugView;
import com.crowdledger.queries.bug.BugViewer;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.web.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A page of bug reports seen from one side, newest first, read with plain JDBC: the list has a latency target
 * (issue 7), and Hibernate's query and entity handling were a third of its request's CPU in a profile. The query
 * has the filters that are set and no others: a condition like {@code (? is null or status = ?)} would leave
 * PostgreSQL one generic plan for every combination, where each filter has an index of its own
 * ({@code bugs_owner_<filter>}: the party's columns, the filter's, then the keyset, as {@code Keyset} says).
 */
@Component
class BugPages {
    private static final String COLUMNS = "select id, campaign_id, tester_id, title, severity, steps, expected, actual,"
            + " device, status, resolution, duplicate_of, created_at, updated_at from bugs where ";

    private final JdbcTemplate jdbc;

    BugPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<BugView> page(Tenant tenant, BugViewer viewer, BugFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder(COLUMNS)
                .append(viewer == BugViewer.OWNER ? "account_id" : "tester_account_id").append(" = ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(tenant.accountId());
        // one mode as a value; a dashboard session sees both
        condition(sql, arguments, "mode = ?", tenant.singleMode() == null ? null : tenant.singleMode().name());
        condition(sql, arguments, "campaign_id = ?", filter.campaignId());
        condition(sql, arguments, "status = ?", filter.status() == null ? null : filter.status().name());
        condition(sql, arguments, "severity = ?", filter.severity() == null ? null : filter.severity().name());
        condition(sql, arguments, "tester_id = ?", filter.testerId());
        condition(sql, arguments, "created_at >= ?", utc(filter.reportedFrom()));
        condition(sql, arguments, "created_at < ?", utc(filter.reportedBefore()));
        // Keyset.AFTER and NEWEST_FIRST, in SQL
        sql.append(" and (created_at <= ? and (created_at < ? or id < ?)) order by created_at desc, id desc limit ?");
        OffsetDateTime after = utc(page.afterCreatedAt());
        arguments.addAll(List.of(after, after, page.afterId(), page.fetchLimit().max()));
        return jdbc.query(sql.toString(), (row, n) -> view(row), arguments.toArray());
    }

    private static BugView view(ResultSet row) throws SQLException {
        String resolution = row.getString("resolution");
        return new BugView(row.getString("id"), row.getString("campaign_id"), row.getString("tester_id"),
                row.getString("title"), Severity.valueOf(row.getString("severity")), row.getString("steps"),
                row.getString("expected"), row.getString("actual"), row.getString("device"),
                BugStatus.valueOf(row.getString("status")), resolution == null ? null : Resolution.valueOf(resolution),
                row.getString("duplicate_of"), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static void condition(StringBuilder sql, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            arguments.add(value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
