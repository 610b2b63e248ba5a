package com.crowdledger.shared.tracking;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a partner's traffic is taken: a paused partner's tracking links answer 404 (postbacks for earlier clicks
 * still count).
 */
public enum PartnerStatus {
    ACTIVE, PAUSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static PartnerStatus fromWire(String value) {
        return WireNames.parse(PartnerStatus.class, value);
    }
}
