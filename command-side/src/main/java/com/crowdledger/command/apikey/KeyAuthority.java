package com.crowdledger.command.apikey;

import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Set;

/**
 * What a caller may do with keys: the tenant it acts for, the scopes it holds, and its own key's expiry (null for a
 * key that does not expire, or a dashboard session). A key never gives more than its issuer holds, never outlives
 * it, and manages only keys it could have issued itself.
 */
public record KeyAuthority(Tenant tenant, Set<Scope> scopes, Instant expiresAt) {
    public KeyAuthority {
        scopes = Set.copyOf(scopes);
    }

    public static KeyAuthority of(Caller caller) {
        return new KeyAuthority(Tenant.of(caller), caller.scopes(), caller.keyExpiresAt());
    }

    /** These scopes are all the caller's own: it may grant them. */
    public boolean mayGrant(Set<Scope> keyScopes) {
        return scopes.containsAll(keyScopes);
    }

    /**
     * A key with these scopes and this expiry (null: none) is one this caller may view, change or revoke: one it could
     * have issued itself, with no scope it lacks and no life beyond its own.
     */
    public boolean mayManage(Set<Scope> keyScopes, Instant keyExpiresAt) {
        return mayGrant(keyScopes)
                && (expiresAt == null || (keyExpiresAt != null && !keyExpiresAt.isAfter(expiresAt)));
    }
}
