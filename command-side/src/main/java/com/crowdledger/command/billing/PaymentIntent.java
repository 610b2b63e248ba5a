package com.crowdledger.command.billing;

import org.jspecify.annotations.Nullable;

/**
 * A provider's payment intent as it stands: {@code succeeded} (collected), {@code processing} (the provider will tell
 * later: polled on the scheduler) or {@code failed} (a declined card; {@code failureReason} says why, for the client).
 */
public record PaymentIntent(String providerPaymentId, Outcome outcome, @Nullable String failureReason) {
    public enum Outcome {
        SUCCEEDED, PROCESSING, FAILED
    }

    public static PaymentIntent succeeded(String providerPaymentId) {
        return new PaymentIntent(providerPaymentId, Outcome.SUCCEEDED, null);
    }

    public static PaymentIntent processing(String providerPaymentId) {
        return new PaymentIntent(providerPaymentId, Outcome.PROCESSING, null);
    }

    public static PaymentIntent failed(String providerPaymentId, String reason) {
        return new PaymentIntent(providerPaymentId, Outcome.FAILED, reason);
    }
}
