package com.crowdledger.shared.tracking;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an offer takes clicks: a paused offer's tracking link answers 404 (postbacks for earlier clicks still
 * count).
 */
public enum OfferStatus {
    ACTIVE, PAUSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static OfferStatus fromWire(String value) {
        return WireNames.parse(OfferStatus.class, value);
    }
}
