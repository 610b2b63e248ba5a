package com.crowdledger.events.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** An endpoint stopped receiving deliveries: its owner asked, it answered 410 Gone, or it kept failing. */
public record WebhookEndpointDisabledEvent(
        String webhookId,
        String accountId,
        Mode mode,
        WebhookDisabledReason reason,
        Instant disabledAt) implements TenantEvent {
}
