package com.crowdledger.shared.web;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.Scope;
import java.time.Instant;
import java.util.Set;

/**
 * Who is calling: an API key (keyId and mode set, and its expiry if it has one) or a dashboard session (keyId, mode
 * and keyExpiresAt null: a session manages both modes). Controllers receive it as a method parameter.
 */
public record Caller(String accountId, Role role, String keyId, Mode mode, Set<Scope> scopes, Instant keyExpiresAt) {

    public boolean isDashboardSession() {
        return keyId == null;
    }
}
