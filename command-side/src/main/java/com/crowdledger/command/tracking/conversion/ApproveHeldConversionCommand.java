package com.crowdledger.command.tracking.conversion;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The conversion's hold period is over: approve it if it is still pending (sent by the hold task, at least once). */
public record ApproveHeldConversionCommand(@TargetAggregateIdentifier String conversionId) {
}
