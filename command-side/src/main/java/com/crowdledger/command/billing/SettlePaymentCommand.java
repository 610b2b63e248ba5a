package com.crowdledger.command.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What the provider said of a pending payment; a payment already settled ignores it (at least once). */
public record SettlePaymentCommand(
        @TargetAggregateIdentifier String billingId,
        String paymentId,
        PaymentIntent intent) {
}
