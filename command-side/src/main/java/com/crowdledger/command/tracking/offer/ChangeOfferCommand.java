package com.crowdledger.command.tracking.offer;

import com.crowdledger.shared.tracking.OfferStatus;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change an offer's terms; a null field stays as it is. Amounts are in the offer's currency. */
public record ChangeOfferCommand(
        @TargetAggregateIdentifier String offerId,
        Tenant tenant,
        String name,
        String destinationUrl,
        BigDecimal defaultRevenue,
        BigDecimal defaultPayout,
        Integer holdDays,
        Integer attributionWindowDays,
        OfferStatus status) {
}
