package com.crowdledger.events.apikey;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.Set;

/**
 * An API key was issued. The key itself is never stored: only its display prefix and an argon2id PHC hash of it.
 * {@code expiresAt} is null for a key that does not expire.
 */
public record ApiKeyIssuedEvent(
        String keyId,
        String accountId,
        Mode mode,
        String name,
        Set<Scope> scopes,
        String prefix,
        String secretHash,
        Instant expiresAt,
        Instant issuedAt) implements TenantEvent {
}
