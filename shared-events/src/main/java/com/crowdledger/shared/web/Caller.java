package com.crowdledger.shared.web;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.Scope;
import java.util.Set;

/**
 * Who is calling: an API key (keyId and mode set) or a dashboard session (both null: a session manages
 * both modes). Controllers receive it as a method parameter.
 */
public record Caller(String accountId, Role role, String keyId, Mode mode, Set<Scope> scopes) {

    public boolean isDashboardSession() {
        return keyId == null;
    }

    /** A key sees only its own mode; a dashboard session sees both. */
    public boolean canSee(Mode objectMode) {
        return mode == null || mode == objectMode;
    }
}
