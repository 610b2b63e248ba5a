package com.crowdledger.queries.billing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A top-up: {@code amountCents} of {@code currency} through {@code provider}; once it succeeded, its invoice's number
 * ({@code invoiceNumber}, e.g. {@code INV-000042}; test mode {@code TEST-000042}).
 */
public record PaymentView(
        String id,
        long amountCents,
        String currency,
        PaymentStatus status,
        String provider,
        String paymentMethod,
        @Nullable String invoiceNumber,
        @Nullable String failureReason,
        Instant createdAt,
        Instant updatedAt) {
}
