package com.crowdledger.command.tracking.offer;

import com.crowdledger.queries.offer.OfferSummary;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.tracking.OfferStatus;
import java.time.Instant;

/** An offer with its postback secret: the answer to creating an offer and to rotating its secret, never again. */
public record OfferWithSecret(
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
        String postbackSecret,
        Instant createdAt,
        Instant updatedAt) {

    static OfferWithSecret of(OfferSummary offer, String secret) {
        return new OfferWithSecret(offer.id(), offer.name(), offer.slug(), offer.destinationUrl(),
                offer.defaultRevenue(), offer.defaultPayout(), offer.currency(), offer.holdDays(),
                offer.attributionWindowDays(), offer.status(), offer.mode(), secret, offer.createdAt(),
                offer.updatedAt());
    }
}
