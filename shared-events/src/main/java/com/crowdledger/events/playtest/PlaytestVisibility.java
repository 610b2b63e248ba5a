package com.crowdledger.events.playtest;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code private}: prepaid, offered to invited testers only; {@code public}: listed for every tester of the mode,
 * charged per accepted submission.
 */
public enum PlaytestVisibility {
    PRIVATE, PUBLIC;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static PlaytestVisibility fromWire(String value) {
        return WireNames.parse(PlaytestVisibility.class, value);
    }
}
