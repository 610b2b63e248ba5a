package com.crowdledger.queries.offer;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.tracking.OfferStatus;
import java.time.Instant;

/**
 * An offer as the API shows it. Money is exact, as decimal strings in the offer's {@code currency}; the postback
 * secret is never shown here (only when it is created or rotated).
 */
public record OfferSummary(
        String id,
        String name,
        String slug,
        String destinationUrl,
        String defaultRevenue,
        String defaultPayout,
        String currency,
        int holdDays,
        int attributionWindowDays,
        OfferStatus status,
        Mode mode,
        Instant createdAt,
        Instant updatedAt) {
}
