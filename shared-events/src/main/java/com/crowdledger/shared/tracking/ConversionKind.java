package com.crowdledger.shared.tracking;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a conversion was (the postback's {@code event}): a sale unless the postback says otherwise. */
public enum ConversionKind {
    SALE, LEAD, INSTALL, SIGNUP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ConversionKind fromWire(String value) {
        return WireNames.parse(ConversionKind.class, value);
    }
}
