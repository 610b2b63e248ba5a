package com.crowdledger.queries.partner;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.tracking.PartnerStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A partner as the API shows it. Its outbound postback URL may hold its credentials, so only the URL's host is shown
 * ({@code postbackHost}, null when it has none).
 */
public record PartnerSummary(
        String id,
        String name,
        String slug,
        @Nullable String email,
        PartnerStatus status,
        @Nullable String postbackHost,
        Mode mode,
        Instant createdAt,
        Instant updatedAt) {
}
