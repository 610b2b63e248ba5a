package com.crowdledger.command.apikey;

import com.crowdledger.shared.Mode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiKeyCommand(@TargetAggregateIdentifier String keyId, String accountId, Mode callerMode) {
}
