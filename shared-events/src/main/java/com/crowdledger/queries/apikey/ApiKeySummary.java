package com.crowdledger.queries.apikey;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A key as the API shows it (never the key itself). {@code status}: active, revoked, expired, or
 * pending_verification while the account's e-mail is unverified.
 */
public record ApiKeySummary(
        String id,
        String name,
        String prefix,
        Mode mode,
        Set<Scope> scopes,
        String status,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        Instant createdAt) {
}
