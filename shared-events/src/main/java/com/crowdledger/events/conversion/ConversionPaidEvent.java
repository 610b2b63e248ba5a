package com.crowdledger.events.conversion;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * The payout of an approved conversion was paid to its partner; {@code payoutReference} names the payment (a payout
 * batch, a transfer) that paid it.
 */
public record ConversionPaidEvent(
        String conversionId,
        String accountId,
        Mode mode,
        String offerId,
        String partnerId,
        Money payout,
        String payoutReference,
        Instant paidAt) implements TenantEvent {
}
