package com.crowdledger.events.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * An endpoint got a new signing secret ({@code secretRef}, in the secret vault). The secret it replaces
 * ({@code previousSecretRef}) keeps signing beside it until {@code previousSecretExpiresAt}, so receivers can switch
 * without missing a delivery.
 */
public record WebhookSecretRotatedEvent(
        String webhookId,
        String accountId,
        Mode mode,
        String secretRef,
        String previousSecretRef,
        Instant previousSecretExpiresAt,
        Instant rotatedAt) implements TenantEvent {
}
