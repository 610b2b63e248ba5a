package com.crowdledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where software runs: what a campaign tests and what a tester tests on (SPEC §4). */
public enum Platform {
    IOS, ANDROID, WEB, WINDOWS, MACOS, LINUX, CONSOLE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Platform fromWire(String value) {
        return WireNames.parse(Platform.class, value);
    }
}
