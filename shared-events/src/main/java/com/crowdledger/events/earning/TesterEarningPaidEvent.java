package com.crowdledger.events.earning;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** An operator's payout batch ({@code payoutId}) paid the earning: it is {@code paid} now, once and for all. */
public record TesterEarningPaidEvent(
        String earningId,
        String accountId,
        Mode mode,
        String testerAccountId,
        Money amount,
        String payoutId,
        Instant paidAt) implements TenantEvent {
}
