package com.crowdledger.events.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;

/** An endpoint's URL, event types or description changed; the event holds all three as they are now. */
public record WebhookEndpointChangedEvent(
        String webhookId,
        String accountId,
        Mode mode,
        String url,
        List<String> eventTypes,
        String description,
        Instant changedAt) implements TenantEvent {
}
