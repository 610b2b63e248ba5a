package com.crowdledger.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give up an unverified, expired registration's e-mail and slug (someone registers the address again). */
public record LapseRegistrationCommand(@TargetAggregateIdentifier String accountId) {
}
