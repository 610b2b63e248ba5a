package com.crowdledger.events.conversion;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.tracking.ConversionStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A postback recorded a conversion of a click: what it was ({@code kind}), what it earned ({@code amount}: the
 * postback's, else the offer's default revenue) and what it pays the partner ({@code payout}: the postback's, else the
 * offer's default), in the offer's currency. It is {@code pending} until {@code holdEndsAt}, or {@code approved} at
 * once when the offer holds nothing. The click's partner and sub ids are repeated here, so that whoever reacts to a
 * conversion (reports, the partner's outbound postback) needs nothing else.
 */
public record ConversionRecordedEvent(
        String conversionId,
        String accountId,
        Mode mode,
        String offerId,
        String partnerId,
        String clickId,
        Instant clickedAt,
        @Nullable String txnId,
        ConversionKind kind,
        Money amount,
        Money payout,
        @Nullable String couponCode,
        @Nullable String sub1,
        @Nullable String sub2,
        @Nullable String sub3,
        @Nullable String sub4,
        @Nullable String sub5,
        ConversionStatus status,
        Instant holdEndsAt,
        Instant recordedAt) implements TenantEvent {
}
