package com.crowdledger.events.apikey;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.Set;

/** A key's name or scopes changed; the event holds both values as they are now. */
public record ApiKeyChangedEvent(
        String keyId,
        String accountId,
        Mode mode,
        String name,
        Set<Scope> scopes,
        Instant changedAt) implements TenantEvent {
}
