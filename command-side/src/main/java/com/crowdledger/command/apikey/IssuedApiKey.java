package com.crowdledger.command.apikey;

import com.crowdledger.queries.apikey.ApiKeySummary;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A newly issued key: the only response that ever carries {@code key}. */
public record IssuedApiKey(
        String id,
        String name,
        String key,
        String prefix,
        Mode mode,
        Set<Scope> scopes,
        String status,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        Instant createdAt) {

    static IssuedApiKey of(ApiKeySummary summary, String key) {
        return new IssuedApiKey(summary.id(), summary.name(), key, summary.prefix(), summary.mode(),
                summary.scopes(), summary.status(), summary.expiresAt(), summary.lastUsedAt(), summary.createdAt());
    }
}
