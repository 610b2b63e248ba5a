package com.crowdledger.query.delivery;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for an attempt (the first, or a retry), or being attempted. */
    PENDING,
    /** An attempt got a 2xx answer. */
    SUCCEEDED,
    /** Every attempt failed, or the target answered 410 Gone. */
    FAILED,
    /** Its target was deleted or disabled before it could be delivered. */
    CANCELED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static DeliveryStatus fromWire(String value) {
        return WireNames.parse(DeliveryStatus.class, value);
    }
}
