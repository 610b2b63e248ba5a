package com.crowdledger.events.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A charge took the balance from {@code threshold} or more to below it (for a reminder to top up). */
public record CreditLowEvent(
        String accountId,
        Mode mode,
        Money balance,
        Money threshold,
        Instant at) implements TenantEvent {
}
