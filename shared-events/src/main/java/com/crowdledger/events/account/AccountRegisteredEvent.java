package com.crowdledger.events.account;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * An account was registered. Holds only hashes of its secrets: the password as an argon2id PHC string and the
 * e-mail verification token as SHA-256 (the token itself is only ever in the mail). Account facts belong to no
 * test world, so they carry mode {@code live}.
 */
public record AccountRegisteredEvent(
        String accountId,
        Mode mode,
        String email,
        String name,
        Role role,
        String slug,
        String passwordHash,
        String verificationTokenHash,
        Instant verificationExpiresAt,
        Instant registeredAt) implements TenantEvent {
}
