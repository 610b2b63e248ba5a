package com.crowdledger.events.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A top-up began: the payment provider is asked for {@code amount} with the payment method the client gave (a
 * provider's token such as {@code pm_card_visa}, never card data). Nothing is credited until it succeeds.
 */
public record PaymentStartedEvent(
        String paymentId,
        String accountId,
        Mode mode,
        Money amount,
        String provider,
        String paymentMethod,
        Instant startedAt) implements TenantEvent {
}
