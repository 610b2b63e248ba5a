package com.crowdledger.queries.conversion;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.tracking.ConversionStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A conversion as the API shows it: its click, offer and partner, what it was ({@code event}), what it earned
 * ({@code amount}) and pays the partner ({@code payout}), exact decimal strings in {@code currency}, and where it
 * stands ({@code status}; pending until {@code holdEndsAt}).
 */
public record ConversionSummary(
        String id,
        String offerId,
        String partnerId,
        String clickId,
        @Nullable String txnId,
        ConversionKind event,
        ConversionStatus status,
        String amount,
        String payout,
        String currency,
        @Nullable String couponCode,
        @Nullable String sub1,
        @Nullable String sub2,
        @Nullable String sub3,
        @Nullable String sub4,
        @Nullable String sub5,
        Mode mode,
        Instant clickedAt,
        Instant holdEndsAt,
        Instant createdAt,
        Instant updatedAt) {
}
