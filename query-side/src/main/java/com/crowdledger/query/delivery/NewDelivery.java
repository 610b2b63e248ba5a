package com.crowdledger.query.delivery;

import com.crowdledger.shared.Mode;
import java.time.Instant;

/**
 * A delivery to queue: of {@code kind}, to {@code targetId}, carrying {@code payload} (the same bytes on every
 * attempt). {@code eventId} makes it unique per target: queuing it again does nothing.
 */
public record NewDelivery(String kind, String targetId, String accountId, Mode mode, String eventId,
                          String eventType, String payload, Instant dueAt) {

    DeliveryTarget target() {
        return new DeliveryTarget(kind, targetId, accountId, mode);
    }
}
