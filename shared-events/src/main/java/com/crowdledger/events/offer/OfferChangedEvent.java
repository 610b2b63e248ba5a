package com.crowdledger.events.offer;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.tracking.OfferStatus;
import java.time.Instant;

/** An offer changed; the event holds every changeable value as it is now (slug and currency never change). */
public record OfferChangedEvent(
        String offerId,
        String accountId,
        Mode mode,
        String name,
        String destinationUrl,
        Money defaultRevenue,
        Money defaultPayout,
        int holdDays,
        int attributionWindowDays,
        OfferStatus status,
        Instant changedAt) implements TenantEvent {
}
