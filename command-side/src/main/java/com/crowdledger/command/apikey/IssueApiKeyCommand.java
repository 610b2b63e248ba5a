package com.crowdledger.command.apikey;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue a key. {@code grantableScopes} are the caller's own scopes (a key never grants more than its issuer
 * holds); {@code callerMode} is the mode of the issuing key, or null for a dashboard session.
 */
public record IssueApiKeyCommand(
        @TargetAggregateIdentifier String keyId,
        String accountId,
        Mode mode,
        Mode callerMode,
        String name,
        Set<Scope> scopes,
        Set<Scope> grantableScopes,
        String prefix,
        String secretHash,
        Instant expiresAt) {
}
