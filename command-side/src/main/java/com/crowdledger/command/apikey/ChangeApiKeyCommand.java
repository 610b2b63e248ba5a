package com.crowdledger.command.apikey;

import com.crowdledger.shared.Scope;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rename a key and/or replace its scopes; a null field stays as it is. */
public record ChangeApiKeyCommand(
        @TargetAggregateIdentifier String keyId,
        KeyAuthority caller,
        String name,
        Set<Scope> scopes) {
}
