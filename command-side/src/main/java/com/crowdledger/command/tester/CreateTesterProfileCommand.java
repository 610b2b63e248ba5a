package com.crowdledger.command.tester;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a tester account its (empty) profile in the mode of its key. */
public record CreateTesterProfileCommand(@TargetAggregateIdentifier String testerId, Tenant tester) {
}
