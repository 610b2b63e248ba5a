package com.crowdledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record VerifyEmailCommand(@TargetAggregateIdentifier String accountId, String verificationTokenHash) {
}
