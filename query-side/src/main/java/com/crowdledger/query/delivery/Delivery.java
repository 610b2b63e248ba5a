package com.crowdledger.query.delivery;

import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A delivery as the API lists it (read-only here: the queue writes it with plain SQL). */
@Entity
@Table(name = "deliveries")
public class Delivery {
    @Id
    private String id;
    private String kind;
    @Column(name = "target_id")
    private String targetId;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_type")
    private String eventType;
    private String payload;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "last_error")
    private String lastError;

    protected Delivery() {
    }

    public String id() {
        return id;
    }

    public String targetId() {
        return targetId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    /** What every attempt carries (a webhook's body, a postback's macro values), fixed when it was queued. */
    public String payload() {
        return payload;
    }

    public DeliveryStatus status() {
        return status;
    }

    /** When the next attempt is due, while pending. */
    public Instant nextAttemptAt() {
        return status == DeliveryStatus.PENDING ? nextAttemptAt : null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** Why it was canceled, for a canceled delivery (attempts carry their own errors). */
    public String canceledBecause() {
        return status == DeliveryStatus.CANCELED ? lastError : null;
    }

    public Position position() {
        return new Position(createdAt, id);
    }
}
