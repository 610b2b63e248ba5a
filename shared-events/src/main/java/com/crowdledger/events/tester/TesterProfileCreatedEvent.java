package com.crowdledger.events.tester;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A tester account got its profile in one mode (a tester has one per mode, as everything else), on its first
 * use of the tester routes. {@code accountId} is the tester's own account.
 */
public record TesterProfileCreatedEvent(String testerId, String accountId, Mode mode, Instant createdAt)
        implements TenantEvent {
}
