package com.crowdledger.query.eventlog;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The tenant's events, newest first, within {@code [from, to)}. One query per filter combination, so that each
 * runs on its own index (event_log_tenant, event_log_type, event_log_aggregate) rather than a plan that has to
 * allow for absent filters. Only the event types the caller's scopes read ({@link EventTypes#readableWith}).
 */
interface EventLogRepository extends JpaRepository<EventLogEntry, String> {
    String IN_RANGE = " and e.createdAt >= :from and e.createdAt < :to and ";
    String READABLE = " and e.type in :readable";

    @Query("select e from EventLogEntry e where e.id = :id and " + Tenancy.OWNED + READABLE)
    Optional<EventLogEntry> find(Tenant tenant, Collection<String> readable, String id);

    @Query("select e from EventLogEntry e where " + Tenancy.OWNED + READABLE + IN_RANGE + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<EventLogEntry> page(Tenant tenant, Collection<String> readable, Instant from, Instant to,
                             Instant afterCreatedAt, String afterId, Limit limit);

    @Query("select e from EventLogEntry e where " + Tenancy.OWNED + READABLE + " and e.type = :type" + IN_RANGE
            + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<EventLogEntry> pageOfType(Tenant tenant, Collection<String> readable, String type, Instant from, Instant to,
                                   Instant afterCreatedAt, String afterId, Limit limit);

    @Query("select e from EventLogEntry e where " + Tenancy.OWNED + READABLE + " and e.aggregateId = :aggregateId"
            + IN_RANGE + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<EventLogEntry> pageOfAggregate(Tenant tenant, Collection<String> readable, String aggregateId, Instant from,
                                        Instant to, Instant afterCreatedAt, String afterId, Limit limit);

    @Query("select e from EventLogEntry e where " + Tenancy.OWNED + READABLE + " and e.aggregateId = :aggregateId"
            + " and e.type = :type" + IN_RANGE + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<EventLogEntry> pageOfAggregateAndType(Tenant tenant, Collection<String> readable, String aggregateId,
                                               String type, Instant from, Instant to, Instant afterCreatedAt,
                                               String afterId, Limit limit);
}
