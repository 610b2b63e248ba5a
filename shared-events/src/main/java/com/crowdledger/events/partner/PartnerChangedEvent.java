package com.crowdledger.events.partner;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.tracking.PartnerStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A partner changed; the event holds every changeable value as it is now (the slug never changes). */
public record PartnerChangedEvent(
        String partnerId,
        String accountId,
        Mode mode,
        String name,
        @Nullable String email,
        PartnerStatus status,
        @Nullable String postbackUrlRef,
        @Nullable String postbackHost,
        Instant changedAt) implements TenantEvent {
}
