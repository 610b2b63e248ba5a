package com.crowdledger.events.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** Credit came back: the unused prepaid slots of a cancelled playtest. */
public record CreditRefundedEvent(
        String entryId,
        String accountId,
        Mode mode,
        Money amount,
        LedgerReference reference,
        Instant refundedAt) implements TenantEvent {
}
