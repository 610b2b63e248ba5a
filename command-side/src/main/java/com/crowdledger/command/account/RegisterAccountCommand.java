package com.crowdledger.command.account;

import com.crowdledger.shared.Role;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register an account. Carries only hashes of its secrets; the e-mail is already normalised. */
public record RegisterAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String email,
        String name,
        Role role,
        String slug,
        String passwordHash,
        String verificationTokenHash,
        Instant verificationExpiresAt) {
}
