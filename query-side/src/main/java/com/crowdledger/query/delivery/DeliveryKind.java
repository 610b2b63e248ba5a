package com.crowdledger.query.delivery;

import java.time.Instant;

/**
 * One kind of outbound delivery. The engine queues, claims, sends through the SSRF guard, retries, logs and counts
 * deliveries of every kind alike; a kind (a Spring bean) only says what a queued delivery becomes on the wire, and
 * what to do when its target is given up. Webhooks are one kind; partner postbacks are another (a GET of the
 * partner's URL template with the conversion's macros expanded).
 */
public interface DeliveryKind {
    /** Stored in {@code deliveries.kind}: choose it once. */
    String name();

    /**
     * The delivery's target as it is now (an endpoint, a partner): read once per claim, and shared by every delivery
     * of that claim to the same target, so a batch to one endpoint costs one read.
     */
    Target target(QueuedDelivery delivery);

    /** A target as read for a claim: prepares each of the claim's deliveries to it. */
    interface Target {
        /**
         * The request for this attempt, made now (a signature's timestamp is the attempt's), or why the delivery is
         * canceled instead (its target was deleted or disabled).
         */
        Prepared prepare(QueuedDelivery delivery, Instant now);
    }

    /**
     * The engine gives up on a target: it answered 410 Gone, or every attempt failed since {@code failingSince} for
     * {@code crowdledger.webhooks.disable-after}. Runs in the transaction that records the attempt; once per
     * give-up (the target's failure record starts over afterwards).
     */
    void giveUp(QueuedDelivery delivery, TargetFailure failure, Instant failingSince, String detail);

    /** A request to send, or the reason there is none. */
    record Prepared(OutboundRequest request, String canceledBecause) {
        public static Prepared send(OutboundRequest request) {
            return new Prepared(request, null);
        }

        public static Prepared cancel(String because) {
            return new Prepared(null, because);
        }
    }

    /** Why a target is given up. */
    enum TargetFailure {
        /** It answered 410 Gone. */
        GONE,
        /** Every attempt failed for the configured period. */
        FAILING
    }
}
