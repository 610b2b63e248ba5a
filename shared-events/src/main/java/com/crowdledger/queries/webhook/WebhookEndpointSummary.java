package com.crowdledger.queries.webhook;

import com.crowdledger.events.webhook.WebhookDisabledReason;
import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.shared.Mode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as the API shows it (never its secret). {@code disabledReason} is set while disabled;
 * {@code previousSecretExpiresAt} while a rotated-out secret still signs beside the current one.
 */
public record WebhookEndpointSummary(
        String id,
        String url,
        List<String> eventTypes,
        @Nullable String description,
        WebhookEndpointStatus status,
        @Nullable WebhookDisabledReason disabledReason,
        Mode mode,
        @Nullable Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt) {
}
