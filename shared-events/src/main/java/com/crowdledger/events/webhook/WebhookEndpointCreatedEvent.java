package com.crowdledger.events.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint was registered, enabled. It receives the account's events of its mode whose type is in
 * {@code eventTypes} ({@code *}: every type). The signing secret is not here: {@code secretRef} names it in the
 * secret vault. {@code description} may be null.
 */
public record WebhookEndpointCreatedEvent(
        String webhookId,
        String accountId,
        Mode mode,
        String url,
        List<String> eventTypes,
        String description,
        String secretRef,
        Instant createdAt) implements TenantEvent {
}
