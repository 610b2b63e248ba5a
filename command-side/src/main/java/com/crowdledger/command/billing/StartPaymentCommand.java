package com.crowdledger.command.billing;

import com.crowdledger.shared.Money;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a top-up is being paid through {@code provider}, before the provider is asked. */
public record StartPaymentCommand(
        @TargetAggregateIdentifier String billingId,
        Tenant owner,
        String paymentId,
        Money amount,
        String provider,
        String paymentMethod) {
}
