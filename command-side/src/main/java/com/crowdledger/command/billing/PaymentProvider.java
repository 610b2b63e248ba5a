package com.crowdledger.command.billing;

/**
 * A payment provider (Stripe, Adyen...) as top-ups use it: a Spring bean; {@code crowdledger.billing.payment-provider}
 * names the one in use (default {@code sandbox}). See README "Plugging in a payment provider".
 */
public interface PaymentProvider {
    /** The name stored with each payment and chosen by the setting. */
    String name();

    /**
     * Creates and confirms a payment intent for the request. Called again with the same idempotency key (a retry), it
     * must return the same intent and collect nothing twice. May answer {@code processing}: the outcome is then
     * fetched later.
     */
    PaymentIntent pay(PaymentRequest request);

    /** The current state of an intent that was {@code processing}. */
    PaymentIntent fetch(String providerPaymentId);
}
