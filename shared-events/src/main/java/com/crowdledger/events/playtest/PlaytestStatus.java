package com.crowdledger.events.playtest;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code open → completed | cancelled}. */
public enum PlaytestStatus {
    OPEN, COMPLETED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static PlaytestStatus fromWire(String value) {
        return WireNames.parse(PlaytestStatus.class, value);
    }
}
