package com.crowdledger.shared.web;

import com.crowdledger.shared.Mode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whose data a request may touch: one account, in the mode of the caller's key (a dashboard session: both modes).
 * Made only from a {@link Caller} ({@link #of}); read-model queries take it as a parameter and commands carry it, so
 * the walls between accounts and between live and test data are drawn in one place. An object outside the tenant
 * does not exist for the caller (404, never 403).
 */
public record Tenant(String accountId, Set<Mode> modes) {
    public Tenant {
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("A tenant sees at least one mode"); // no mode filter would mean both
        }
        modes = Set.copyOf(modes);
    }

    public static Tenant of(Caller caller) {
        return new Tenant(caller.accountId(), caller.mode() == null ? EnumSet.allOf(Mode.class) : EnumSet.of(caller.mode()));
    }

    /** An account in both modes: for the platform acting for an account outside any request (registration). */
    public static Tenant account(String accountId) {
        return new Tenant(accountId, EnumSet.allOf(Mode.class));
    }

    /** The same account seen in one mode only; empty when the tenant cannot see that mode. */
    public Optional<Tenant> inMode(Mode mode) {
        return modes.contains(mode) ? Optional.of(new Tenant(accountId, EnumSet.of(mode))) : Optional.empty();
    }

    /** True when an object of this account and mode is visible to the tenant. */
    public boolean owns(String objectAccountId, Mode objectMode) {
        return accountId.equals(objectAccountId) && modes.contains(objectMode);
    }

    /**
     * For read-model queries ({@code Tenancy.IN_MODES}): the tenant's one mode, or any mode when it sees both (then
     * {@link #seesEveryMode()} makes the mode irrelevant).
     */
    public Mode someMode() {
        return modes.iterator().next();
    }

    /** True for a dashboard session, which sees both modes. */
    public boolean seesEveryMode() {
        return modes.size() == Mode.values().length;
    }

    /** The tenant's one mode; null for a dashboard session, which sees both. */
    public Mode singleMode() {
        return modes.size() == 1 ? modes.iterator().next() : null;
    }
}
