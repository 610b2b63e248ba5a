package com.crowdledger.events.partner;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.tracking.PartnerStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A partner (an affiliate who sends traffic) was added. Its outbound postback URL, which may carry its credentials,
 * is sealed in the secret vault: the event holds the vault reference and the URL's host only
 * ({@link com.crowdledger.shared.tracking.PostbackUrlTemplate}); both are null when it has none.
 */
public record PartnerCreatedEvent(
        String partnerId,
        String accountId,
        Mode mode,
        String name,
        String slug,
        @Nullable String email,
        PartnerStatus status,
        @Nullable String postbackUrlRef,
        @Nullable String postbackHost,
        Instant createdAt) implements TenantEvent {
}
