package com.crowdledger.events.conversion;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An approved or paid conversion was reversed (a refund, a chargeback): it no longer counts. Like
 * {@link ConversionRejectedEvent}, it repeats what the conversion counted for.
 */
public record ConversionReversedEvent(
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
        Instant reversedAt) implements TenantEvent {
}
