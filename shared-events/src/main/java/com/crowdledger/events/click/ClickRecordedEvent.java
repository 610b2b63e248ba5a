package com.crowdledger.events.click;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A visitor followed a partner's tracking link of an offer and was sent on to the offer's destination. The visitor's
 * address is kept only as {@code addressHash}, an HMAC-SHA256 under a platform secret (a plain hash of an IPv4
 * address is reversed by trying all of them); it tells repeat visitors apart for unique-click counts. The sub ids are
 * the partner's own labels, as given (null when absent).
 */
public record ClickRecordedEvent(
        String clickId,
        String accountId,
        Mode mode,
        String offerId,
        String partnerId,
        @Nullable String sub1,
        @Nullable String sub2,
        @Nullable String sub3,
        @Nullable String sub4,
        @Nullable String sub5,
        String addressHash,
        @Nullable String userAgent,
        Instant clickedAt) implements TenantEvent {
}
