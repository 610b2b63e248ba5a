package com.crowdledger.shared.tracking;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a conversion stands: {@code pending} during its offer's hold period, then {@code approved}, then
 * {@code paid} once its payout is recorded; {@code rejected} (from pending or approved) or {@code reversed} (from
 * approved or paid) end it.
 */
public enum ConversionStatus {
    PENDING, APPROVED, PAID, REJECTED, REVERSED;

    /** Counted in reports (conversions, revenue, payout): every conversion that was not rejected or reversed. */
    public boolean counted() {
        return this == PENDING || this == APPROVED || this == PAID;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ConversionStatus fromWire(String value) {
        return WireNames.parse(ConversionStatus.class, value);
    }
}
