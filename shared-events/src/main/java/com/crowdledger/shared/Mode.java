package com.crowdledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Live and test data are separate worlds: an object of one mode is invisible to keys of the other. */
public enum Mode {
    LIVE, TEST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Mode fromWire(String value) {
        return WireNames.parse(Mode.class, value);
    }
}
