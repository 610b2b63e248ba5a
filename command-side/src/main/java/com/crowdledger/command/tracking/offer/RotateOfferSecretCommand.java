package com.crowdledger.command.tracking.offer;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the offer's postback secret (given as its SHA-256); the previous one keeps working for a grace period. */
public record RotateOfferSecretCommand(@TargetAggregateIdentifier String offerId, Tenant tenant, String secretHash) {
}
