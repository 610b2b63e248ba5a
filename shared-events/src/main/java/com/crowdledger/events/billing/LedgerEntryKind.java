package com.crowdledger.events.billing;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a ledger entry is: credit bought, a charge (playtests), a refund (a cancelled order's unused slots), a reward (a
 * crowdtesting bug's earning, live mode).
 */
public enum LedgerEntryKind {
    CREDIT, CHARGE, REFUND, REWARD;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static LedgerEntryKind fromWire(String value) {
        return WireNames.parse(LedgerEntryKind.class, value);
    }
}
