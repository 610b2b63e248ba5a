package com.crowdledger.events.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** An endpoint was deleted: it receives nothing more, and its pending deliveries are dropped. */
public record WebhookEndpointDeletedEvent(String webhookId, String accountId, Mode mode, Instant deletedAt)
        implements TenantEvent {
}
