package com.crowdledger.events.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * Credit was spent ({@code kind} {@code charge}: playtests; {@code reward}: a crowdtesting bug's reward), never more
 * than the balance: the billing account refuses a charge its events do not cover.
 */
public record CreditChargedEvent(
        String entryId,
        String accountId,
        Mode mode,
        LedgerEntryKind kind,
        Money amount,
        LedgerReference reference,
        Instant chargedAt) implements TenantEvent {
}
