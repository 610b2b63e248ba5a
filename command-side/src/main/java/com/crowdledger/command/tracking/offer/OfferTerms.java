package com.crowdledger.command.tracking.offer;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.tracking.OfferStatus;
import java.time.Instant;

/** What a click and a postback need to know of an offer, from the write side's own lookup. */
public record OfferTerms(
        String offerId,
        String accountId,
        Mode mode,
        OfferStatus status,
        String destinationUrl,
        Money defaultRevenue,
        Money defaultPayout,
        int holdDays,
        int attributionWindowDays,
        String secretHash,
        String previousSecretHash,
        Instant previousSecretValidUntil) {

    public String currency() {
        return defaultRevenue.currency();
    }

    /** The presented postback secret is the offer's, or its previous one still within its grace period. */
    public boolean acceptsSecret(String presented, Instant now) {
        boolean current = OfferSecrets.matches(presented, secretHash);
        boolean previous = previousSecretHash != null && now.isBefore(previousSecretValidUntil)
                && OfferSecrets.matches(presented, previousSecretHash);
        return current || previous;
    }
}
