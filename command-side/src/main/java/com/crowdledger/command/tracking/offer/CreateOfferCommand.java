package com.crowdledger.command.tracking.offer;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create an offer in the given mode of the tenant's account; the secret arrives as its SHA-256 only. */
public record CreateOfferCommand(
        @TargetAggregateIdentifier String offerId,
        Tenant tenant,
        Mode mode,
        String name,
        String slug,
        String destinationUrl,
        BigDecimal defaultRevenue,
        BigDecimal defaultPayout,
        String currency,
        int holdDays,
        int attributionWindowDays,
        String secretHash) {
}
