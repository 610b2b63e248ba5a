package com.crowdledger.command.billing;

import com.crowdledger.shared.Money;

/**
 * What a provider is asked to collect. {@code idempotencyKey} is the payment's id: asked twice with it, a provider
 * must answer with the same intent and never collect twice. Stored as JSON in {@link PaymentRecovery}'s tasks: keep
 * the names.
 */
public record PaymentRequest(String idempotencyKey, Money amount, String paymentMethod, String description) {
}
