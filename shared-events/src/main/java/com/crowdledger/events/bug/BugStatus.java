package com.crowdledger.events.bug;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a bug report is: {@code new → triaged → accepted | rejected}, then {@code accepted → fixed → verified}. */
public enum BugStatus {
    NEW, TRIAGED, ACCEPTED, REJECTED, FIXED, VERIFIED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static BugStatus fromWire(String value) {
        return WireNames.parse(BugStatus.class, value);
    }
}
