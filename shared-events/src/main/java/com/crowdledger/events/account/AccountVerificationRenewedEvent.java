package com.crowdledger.events.account;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A new e-mail verification token was mailed (only its SHA-256 is kept); the previous one no longer works. */
public record AccountVerificationRenewedEvent(
        String accountId,
        Mode mode,
        String verificationTokenHash,
        Instant verificationExpiresAt,
        Instant renewedAt) implements TenantEvent {
}
