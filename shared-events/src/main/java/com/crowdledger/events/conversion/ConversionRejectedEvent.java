package com.crowdledger.events.conversion;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pending or approved conversion was rejected (never valid: fraud, a test order): it no longer counts. The event
 * repeats what the conversion counted for (its offer, partner, first sub id, the day it was recorded, its amount and
 * payout), so that totals kept from events can take it back out.
 */
public record ConversionRejectedEvent(
        String conversionId,
        String accountId,
        Mode mode,
        String offerId,
        String partnerId,
        @Nullable String sub1,
        Instant recordedAt,
        Money amount,
        Money payout,
        @Nullable String reason,
        Instant rejectedAt) implements TenantEvent {
}
