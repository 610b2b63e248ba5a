package com.crowdledger.command.apikey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiKeyCommand(@TargetAggregateIdentifier String keyId, KeyAuthority caller) {
}
