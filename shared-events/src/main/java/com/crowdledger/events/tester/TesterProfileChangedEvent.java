package com.crowdledger.events.tester;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A tester changed its profile; the event holds every field as it is now. */
public record TesterProfileChangedEvent(
        String testerId,
        String accountId,
        Mode mode,
        Set<Platform> platforms,
        List<String> devices,
        @Nullable String country,
        Instant changedAt) implements TenantEvent {
}
