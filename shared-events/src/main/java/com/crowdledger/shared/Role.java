package com.crowdledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Who an account is. A role bounds the scopes any of its keys may ever hold. */
public enum Role {
    /** A company; the playtesting seed calls it {@code game_owner}. */
    @WireAlias("game_owner")
    OWNER(EnumSet.complementOf(EnumSet.of(Scope.TESTER))),
    TESTER(EnumSet.of(Scope.TESTER, Scope.CHAT, Scope.NOTIFICATIONS, Scope.KEYS));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return WireNames.parse(Role.class, value);
    }
}
