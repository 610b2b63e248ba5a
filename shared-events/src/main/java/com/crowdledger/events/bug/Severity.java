package com.crowdledger.events.bug;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a reported bug is. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Severity fromWire(String value) {
        return WireNames.parse(Severity.class, value);
    }
}
