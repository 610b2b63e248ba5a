package com.crowdledger.events.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * The dispatcher gave up on an endpoint: it answered 410 Gone ({@code GONE}), or every delivery to it failed since
 * {@code failingSince} for the configured period ({@code FAILING}). Published by the dispatcher, not by the
 * endpoint's aggregate; the command side answers it by disabling the endpoint. {@code detail} says what the last
 * attempt got, for people.
 */
public record WebhookEndpointFailedEvent(
        String webhookId,
        String accountId,
        Mode mode,
        WebhookDisabledReason reason,
        Instant failingSince,
        String detail,
        Instant failedAt) implements TenantEvent {
}
