package com.crowdledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a key may do (SPEC §2). */
public enum Scope {
    CAMPAIGNS, TRACKING, GAME_OWNER, BILLING, CHAT, NOTIFICATIONS, WEBHOOKS, KEYS, TESTER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Scope fromWire(String value) {
        return WireNames.parse(Scope.class, value);
    }
}
