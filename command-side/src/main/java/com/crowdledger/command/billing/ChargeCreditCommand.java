package com.crowdledger.command.billing;

import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.events.billing.LedgerReference;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Spend credit on {@code reference} (kind charge or reward); 402 when the balance does not cover it. */
public record ChargeCreditCommand(
        @TargetAggregateIdentifier String billingId,
        String accountId,
        Mode mode,
        String entryId,
        LedgerEntryKind kind,
        Money amount,
        LedgerReference reference) {
}
