package com.crowdledger.events.offer;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * The offer's postback secret was replaced (only SHA-256 hashes are kept): the new one works at once, the previous
 * one until {@code previousSecretValidUntil}, so an advertiser can switch without losing postbacks.
 */
public record OfferSecretRotatedEvent(
        String offerId,
        String accountId,
        Mode mode,
        String secretHash,
        String previousSecretHash,
        Instant previousSecretValidUntil,
        Instant rotatedAt) implements TenantEvent {
}
