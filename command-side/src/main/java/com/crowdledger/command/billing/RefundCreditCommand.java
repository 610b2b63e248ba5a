package com.crowdledger.command.billing;

import com.crowdledger.events.billing.LedgerReference;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give credit back for {@code reference} (a cancelled playtest's unused prepaid slots). */
public record RefundCreditCommand(
        @TargetAggregateIdentifier String billingId,
        String accountId,
        Mode mode,
        String entryId,
        Money amount,
        LedgerReference reference) {
}
