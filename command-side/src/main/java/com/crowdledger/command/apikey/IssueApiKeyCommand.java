package com.crowdledger.command.apikey;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue a key for the issuer's account. {@code expiresAt} null: the issuer's own expiry, if it has one. */
public record IssueApiKeyCommand(
        @TargetAggregateIdentifier String keyId,
        KeyAuthority issuer,
        Mode mode,
        String name,
        Set<Scope> scopes,
        String prefix,
        String secretHash,
        Instant expiresAt) {
}
