package com.crowdledger.query.delivery;

import com.crowdledger.shared.Mode;

/** Where deliveries go: one target of one kind, which belongs to one account and mode. */
record DeliveryTarget(String kind, String targetId, String accountId, Mode mode) {

    /** The target across kinds, for per-target limits and health. */
    String key() {
        return kind + ":" + targetId;
    }
}
