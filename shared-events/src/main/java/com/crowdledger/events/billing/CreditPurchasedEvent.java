package com.crowdledger.events.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A payment succeeded and its amount is credit now (a ledger entry of kind {@code credit}). Its invoice has the
 * account's next number ({@code invoiceNumber}, 1, 2, 3... per account and mode, without gaps: the billing account
 * assigns it under its lock, in the same transaction).
 */
public record CreditPurchasedEvent(
        String paymentId,
        String accountId,
        Mode mode,
        String entryId,
        Money amount,
        String providerPaymentId,
        long invoiceNumber,
        Instant purchasedAt) implements TenantEvent {
}
