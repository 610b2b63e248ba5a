package com.crowdledger.events.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The provider refused the payment (a declined card): nothing was credited. */
public record PaymentFailedEvent(
        String paymentId,
        String accountId,
        Mode mode,
        @Nullable String providerPaymentId,
        String reason,
        Instant failedAt) implements TenantEvent {
}
