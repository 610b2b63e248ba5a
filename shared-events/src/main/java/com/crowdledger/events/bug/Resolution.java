package com.crowdledger.events.bug;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a bug was rejected; {@code duplicate} names the original report. */
public enum Resolution {
    DUPLICATE, NOT_REPRODUCIBLE, OUT_OF_SCOPE, WORKS_AS_DESIGNED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Resolution fromWire(String value) {
        return WireNames.parse(Resolution.class, value);
    }
}
