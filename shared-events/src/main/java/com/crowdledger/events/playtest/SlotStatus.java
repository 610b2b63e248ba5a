package com.crowdledger.events.playtest;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code open → reserved → submitted → accepted | rejected}; a lapsed reservation is {@code open} again; {@code open}
 * (and, on cancel, {@code reserved}) slots become {@code expired} when their playtest ends.
 */
public enum SlotStatus {
    OPEN, RESERVED, SUBMITTED, ACCEPTED, REJECTED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static SlotStatus fromWire(String value) {
        return WireNames.parse(SlotStatus.class, value);
    }
}
