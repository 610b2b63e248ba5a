package com.crowdledger.queries.billing;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code pending} until the provider confirms ({@code succeeded}: credited, invoiced) or refuses ({@code failed}). */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static PaymentStatus fromWire(String value) {
        return WireNames.parse(PaymentStatus.class, value);
    }
}
