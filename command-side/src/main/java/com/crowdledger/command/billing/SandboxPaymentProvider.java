package com.crowdledger.command.billing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The built-in provider for development and tests, after the big providers' test tokens: {@code pm_card_visa}
 * succeeds, {@code pm_card_declined} is declined, {@code pm_card_async} is processing at first and succeeds when
 * fetched; {@code pm_card_unanswered} succeeds, but the answer to the first request for a payment in this JVM is
 * lost (the call fails, as after a network failure once the provider took the payment; test use only: the payments
 * seen are kept in this JVM's memory, which the application contexts of a test run share, whichever asks again);
 * anything else is refused as an unknown payment method. It collects no money. Its intent id is derived from the
 * idempotency key, so a retry gets the same intent.
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {
    static final String NAME = "sandbox";

    /** The payments of {@code pm_card_unanswered} already asked for once. */
    private static final Set<String> ANSWER_LOST = ConcurrentHashMap.newKeySet();

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
            case "pm_card_unanswered" -> {
                if (ANSWER_LOST.add(request.idempotencyKey())) {
                    throw new IllegalStateException("The sandbox lost its answer for " + request.idempotencyKey());
                }
                yield PaymentIntent.succeeded(intentId);
            }
            default -> PaymentIntent.failed(intentId, "Unknown payment method for the sandbox provider");
        };
    }

    @Override
    public PaymentIntent fetch(String providerPaymentId) {
        return PaymentIntent.succeeded(providerPaymentId);
    }
}
