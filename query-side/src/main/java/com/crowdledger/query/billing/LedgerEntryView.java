package com.crowdledger.query.billing;

import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.events.billing.LedgerReference;
import java.time.Instant;

/**
 * A ledger entry: {@code amountCents} signed, in minor units of {@code currency} (credit and refund positive,
 * charge and reward negative), so the balance is the sum of the entries; {@code reference} is what it was for.
 */
public record LedgerEntryView(
        String id,
        LedgerEntryKind kind,
        long amountCents,
        String currency,
        LedgerReference reference,
        Instant createdAt) {
}
