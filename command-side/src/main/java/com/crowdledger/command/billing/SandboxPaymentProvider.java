package com.crowdledger.command.billing;

import org.springframework.stereotype.Component;

/**
 * The built-in provider for development and tests, after the big providers' test tokens: {@code pm_card_visa}
 * succeeds, {@code pm_card_declined} is declined, {@code pm_card_async} is processing at first and succeeds when
 * fetched; anything else is refused as an unknown payment method. It collects no money. Its intent id is derived
 * from the idempotency key, so a retry gets the same intent.
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {
    static final String NAME = "sandbox";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PaymentIntent pay(PaymentRequest request) {
        String intentId = "sandbox_" + request.idempotencyKey();
        return switch (request.paymentMethod()) {
            case "pm_card_visa" -> PaymentIntent.succeeded(intentId);
            case "pm_card_async" -> PaymentIntent.processing(intentId);
            case "pm_card_declined" -> PaymentIntent.failed(intentId, "Your card was declined");
            default -> PaymentIntent.failed(intentId, "Unknown payment method for the sandbox provider");
        };
    }

    @Override
    public PaymentIntent fetch(String providerPaymentId) {
        return PaymentIntent.succeeded(providerPaymentId);
    }
}
