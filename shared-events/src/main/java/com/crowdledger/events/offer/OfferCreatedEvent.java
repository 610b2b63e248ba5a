package com.crowdledger.events.offer;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.tracking.OfferStatus;
import java.time.Instant;

/**
 * An offer was created: what a click on its tracking link leads to ({@code destinationUrl}), what a conversion earns
 * ({@code defaultRevenue}) and pays its partner ({@code defaultPayout}) unless the postback says otherwise, both in
 * the offer's currency, how many days a conversion is held before it is approved, and for how many days after a click
 * a conversion is attributed to it. Only the SHA-256 of the postback secret is kept.
 */
public record OfferCreatedEvent(
        String offerId,
        String accountId,
        Mode mode,
        String name,
        String slug,
        String destinationUrl,
        Money defaultRevenue,
        Money defaultPayout,
        int holdDays,
        int attributionWindowDays,
        OfferStatus status,
        String secretHash,
        Instant createdAt) implements TenantEvent {
}
