package com.crowdledger.events.apikey;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A key was revoked; from the next request on it authenticates nothing. */
public record ApiKeyRevokedEvent(String keyId, String accountId, Mode mode, Instant revokedAt) implements TenantEvent {
}
