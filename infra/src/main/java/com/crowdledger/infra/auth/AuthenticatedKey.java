package com.crowdledger.infra.auth;

import com.crowdledger.query.account.AccountView;
import com.crowdledger.query.apikey.ApiKeyView;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Caller;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a verified key is allowed, as of the moment it was cached: enough to authorize a request and to answer
 * {@code GET /v1/auth/me} without touching the database. Evicted whenever the key or its account changes.
 */
record AuthenticatedKey(
        String keyId, String name, String prefix, Mode mode, Set<Scope> scopes, Instant expiresAt, boolean revoked,
        AccountSummary account) {

    record AccountSummary(String id, String email, String name, Role role, String slug, boolean emailVerified,
                          Instant createdAt) {
        static AccountSummary of(AccountView view) {
            return new AccountSummary(view.id(), view.email(), view.name(), view.role(), view.slug(),
                    view.emailVerified(), view.createdAt());
        }
    }

    static AuthenticatedKey of(ApiKeyView key, AccountView account) {
        // a key never holds a scope outside its account's role, whatever was stored
        Set<Scope> effective = EnumSet.noneOf(Scope.class);
        effective.addAll(key.scopes());
        effective.retainAll(account.role().scopes());
        return new AuthenticatedKey(key.id(), key.name(), key.prefix(), key.mode(), Set.copyOf(effective),
                key.expiresAt(), key.revoked(), AccountSummary.of(account));
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Neither revoked nor expired: the key still identifies its holder (its account may be unverified). */
    boolean usableAt(Instant now) {
        return !revoked && !expiredAt(now);
    }

    Caller caller() {
        return new Caller(account.id(), account.role(), keyId, mode, scopes, expiresAt);
    }
}
