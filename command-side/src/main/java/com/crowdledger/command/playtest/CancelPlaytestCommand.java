package com.crowdledger.command.playtest;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel a playtest: its open and reserved slots expire, and unused prepaid slots are refunded. */
public record CancelPlaytestCommand(@TargetAggregateIdentifier String playtestId, Tenant owner) {
}
