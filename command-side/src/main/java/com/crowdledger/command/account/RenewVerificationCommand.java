package com.crowdledger.command.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mail a new verification token; answers whether one was issued (a verified account, or a repeat within a minute: no). */
public record RenewVerificationCommand(
        @TargetAggregateIdentifier String accountId,
        String verificationTokenHash,
        Instant verificationExpiresAt) {
}
