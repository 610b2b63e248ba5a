package com.crowdledger.query.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One attempt of a delivery, as logged. */
@Entity
@Table(name = "delivery_attempts")
@IdClass(DeliveryAttempt.Key.class)
public class DeliveryAttempt {
    @Id
    @Column(name = "delivery_id")
    private String deliveryId;
    @Id
    private int attempt;
    @Column(name = "attempted_at")
    private Instant attemptedAt;
    @Column(name = "status_code")
    private Integer statusCode;
    @Column(name = "duration_ms")
    private int durationMs;
    private String error;
    @Column(name = "response_body")
    private String responseBody;

    /** The composite key. */
    public record Key(String deliveryId, int attempt) implements Serializable {
    }

    protected DeliveryAttempt() {
    }

    public String deliveryId() {
        return deliveryId;
    }

    public int attempt() {
        return attempt;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public int durationMs() {
        return durationMs;
    }

    public String error() {
        return error;
    }

    public String responseBody() {
        return responseBody;
    }
}
