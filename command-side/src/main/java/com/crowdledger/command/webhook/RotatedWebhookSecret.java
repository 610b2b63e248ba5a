package com.crowdledger.command.webhook;

import java.time.Instant;

/** The endpoint's new signing secret, shown this once; the previous one also signs until {@code previousSecretExpiresAt}. */
public record RotatedWebhookSecret(String id, String secret, Instant previousSecretExpiresAt) {
}
