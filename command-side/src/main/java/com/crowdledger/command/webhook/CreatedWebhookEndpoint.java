package com.crowdledger.command.webhook;

import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.queries.webhook.WebhookEndpointSummary;
import com.crowdledger.shared.Mode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A newly registered endpoint: the only answer, besides a rotation's, that carries its signing {@code secret}. */
public record CreatedWebhookEndpoint(
        String id,
        String url,
        List<String> eventTypes,
        @Nullable String description,
        WebhookEndpointStatus status,
        Mode mode,
        String secret,
        Instant createdAt,
        Instant updatedAt) {

    static CreatedWebhookEndpoint of(WebhookEndpointSummary summary, String secret) {
        return new CreatedWebhookEndpoint(summary.id(), summary.url(), summary.eventTypes(), summary.description(),
                summary.status(), summary.mode(), secret, summary.createdAt(), summary.updatedAt());
    }
}
