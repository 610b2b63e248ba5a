package com.crowdledger.query.eventlog;

import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.ActorMetadataKeys;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.DateParameter;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event log: the caller's own events in its key's mode, newest first, the replayable audit of everything that
 * happened to the account, in the areas the caller's scopes cover (a {@code tracking} key reads no chat text). Ids
 * are those webhooks carry in {@code webhook-id}.
 */
@RestController
@RequestMapping("/v1/events")
@Authenticated
class EventLogController {
    /** Far past and far future: an absent bound is no bound, with one query shape for all. */
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T23:59:59Z");
    private static final int MAX_FILTER_LENGTH = 200;

    private final EventLogRepository entries;
    private final PublicEvents publicEvents;
    private final EventTypes eventTypes;

    EventLogController(EventLogRepository entries, PublicEvents publicEvents, EventTypes eventTypes) {
        this.entries = entries;
        this.publicEvents = publicEvents;
        this.eventTypes = eventTypes;
    }

    /** Who caused an event: {@code api_key} (with its key), {@code dashboard_session}, {@code anonymous}, {@code system}. */
    record EventActor(String type, @Nullable String keyId, @Nullable String requestId) {
    }

    /** An event of the log: its data is what a webhook of it carries. */
    record LoggedEvent(String id, String type, Instant createdAt, Mode mode, @Nullable String aggregateId,
                       Map<String, Object> data, EventActor actor) {
    }

    /**
     * Newest first, one page at a time ({@code ?limit=&cursor=}); {@code type} (an event type name),
     * {@code aggregateId} (the object the event is about, e.g. a key's or an endpoint's id) and the time range
     * {@code from} (inclusive) to {@code to} (exclusive), ISO-8601, narrow it.
     */
    @GetMapping
    ListPage<LoggedEvent> list(Caller caller, @RequestParam(required = false) String type,
                               @RequestParam(required = false) String aggregateId,
                               @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                               PageRequest page) {
        Instant since = from != null ? DateParameter.requireWithinBounds("from", from) : BEGINNING;
        Instant until = to != null ? DateParameter.requireWithinBounds("to", to) : END;
        if (!since.isBefore(until)) {
            throw DomainException.invalid("to", "must be later than from");
        }
        requireShort("type", type);
        requireShort("aggregateId", aggregateId);
        Tenant tenant = Tenant.of(caller);
        Set<String> readable = eventTypes.readableWith(caller.scopes());
        List<EventLogEntry> rows;
        if (type != null && aggregateId != null) {
            rows = entries.pageOfAggregateAndType(tenant, readable, aggregateId, type, since, until,
                    page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        } else if (type != null) {
            rows = entries.pageOfType(tenant, readable, type, since, until, page.afterCreatedAt(), page.afterId(),
                    page.fetchLimit());
        } else if (aggregateId != null) {
            rows = entries.pageOfAggregate(tenant, readable, aggregateId, since, until, page.afterCreatedAt(),
                    page.afterId(), page.fetchLimit());
        } else {
            rows = entries.page(tenant, readable, since, until, page.afterCreatedAt(), page.afterId(),
                    page.fetchLimit());
        }
        return page.toListPage(rows, EventLogEntry::position, kept -> kept.stream().map(this::logged).toList());
    }

    @GetMapping("/{id}")
    LoggedEvent get(Caller caller, @PathVariable String id) {
        if (!Ids.hasPrefix(id, Ids.EVENT)) {
            throw DomainException.notFound("Event");
        }
        return entries.find(Tenant.of(caller), eventTypes.readableWith(caller.scopes()), id).map(this::logged)
                .orElseThrow(() -> DomainException.notFound("Event"));
    }

    private LoggedEvent logged(EventLogEntry entry) {
        Map<String, Object> data = publicEvents.readMap(entry.data());
        String actor = entry.actor() != null ? entry.actor() : ActorMetadataKeys.SYSTEM;
        return new LoggedEvent(entry.id(), entry.type(), entry.createdAt(), entry.mode(), entry.aggregateId(), data,
                new EventActor(actor, entry.actorKeyId(), entry.requestId()));
    }

    private static void requireShort(String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_FILTER_LENGTH)) {
            throw DomainException.invalid(field, "must be 1 to " + MAX_FILTER_LENGTH + " characters");
        }
    }
}
