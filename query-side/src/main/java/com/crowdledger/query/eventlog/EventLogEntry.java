package com.crowdledger.query.eventlog;

import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event of the log, read-only here: {@link EventLogProjection} writes the rows. */
@Entity
@Table(name = "event_log")
public class EventLogEntry {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String type;
    @Column(name = "aggregate_id")
    private String aggregateId;
    @Column(name = "created_at")
    private Instant createdAt;
    private String data;
    private String actor;
    @Column(name = "actor_key_id")
    private String actorKeyId;
    @Column(name = "request_id")
    private String requestId;

    protected EventLogEntry() {
    }

    String id() {
        return id;
    }

    Mode mode() {
        return mode;
    }

    String type() {
        return type;
    }

    String aggregateId() {
        return aggregateId;
    }

    Instant createdAt() {
        return createdAt;
    }

    String data() {
        return data;
    }

    String actor() {
        return actor;
    }

    String actorKeyId() {
        return actorKeyId;
    }

    String requestId() {
        return requestId;
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
