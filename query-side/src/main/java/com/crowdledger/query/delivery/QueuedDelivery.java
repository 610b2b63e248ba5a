package com.crowdledger.query.delivery;

import com.crowdledger.shared.Mode;
import java.time.Instant;

/**
 * A delivery claimed for one attempt: what was queued, and the number of this attempt (1 for the first). Only the
 * node holding this attempt may record its outcome.
 */
public record QueuedDelivery(String id, String kind, String targetId, String accountId, Mode mode, String eventId,
                             String eventType, String payload, int attempt, Instant createdAt) {

    /** The target across kinds, for per-target limits and health. */
    String targetKey() {
        return target().key();
    }

    DeliveryTarget target() {
        return new DeliveryTarget(kind, targetId, accountId, mode);
    }
}
