package com.crowdledger.query.eventlog;

import com.crowdledger.query.batching.UnitOfWorkBatch;
import com.crowdledger.shared.ActorMetadataKeys;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.processing.Tracking;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects every tenant event of the store into the event log, whatever its type: a feature's new events appear
 * without a change here. Tracking, not subscribing: the log takes every event, clicks and postbacks included, so it
 * must cost the command nothing; it follows within moments, a batch at a time in one JDBC batch. Rows are ignored
 * when already there (their id is the event's), so a replay or a rebuild racing the processor is harmless.
 */
@Component
@Tracking(batchSize = 500)
@ProcessingGroup(EventLogProjection.PROCESSING_GROUP)
class EventLogProjection {
    static final String PROCESSING_GROUP = "event-log";
    private static final String BATCH = EventLogProjection.class.getName() + ".batch";

    private final PublicEvents publicEvents;
    private final JdbcTemplate jdbc;
    private final EventLogRepository entries;

    EventLogProjection(PublicEvents publicEvents, JdbcTemplate jdbc, EventLogRepository entries) {
        this.publicEvents = publicEvents;
        this.jdbc = jdbc;
        this.entries = entries;
    }

    @EventHandler
    void on(TenantEvent event, EventMessage<?> message) {
        PublicEvent described = publicEvents.describe(message);
        MetaData metaData = message.getMetaData();
        batch().add(new Object[] {described.id(), described.accountId(), described.mode().name(), described.type(),
                described.aggregateId(), Timestamp.from(described.createdAt()), publicEvents.write(described.data()),
                text(metaData, ActorMetadataKeys.ACTOR), text(metaData, ActorMetadataKeys.KEY_ID),
                text(metaData, ActorMetadataKeys.REQUEST_ID)});
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    private List<Object[]> batch() {
        return UnitOfWorkBatch.current(BATCH, ArrayList::new, rows -> jdbc.batchUpdate("""
                insert into event_log (id, account_id, mode, type, aggregate_id, created_at, data, actor, actor_key_id,
                                       request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""", rows));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
