package com.crowdledger.events.earning;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An earning is owed to its tester ({@code pending}) until a payout pays it ({@code paid}). */
public enum EarningStatus {
    PENDING, PAID;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static EarningStatus fromWire(String value) {
        return WireNames.parse(EarningStatus.class, value);
    }
}
