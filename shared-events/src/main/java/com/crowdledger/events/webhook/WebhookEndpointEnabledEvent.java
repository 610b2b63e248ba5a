package com.crowdledger.events.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A disabled endpoint was enabled again: it receives the events that happen from now on. */
public record WebhookEndpointEnabledEvent(String webhookId, String accountId, Mode mode, Instant enabledAt)
        implements TenantEvent {
}
