package com.crowdledger.query.eventlog;

import com.crowdledger.shared.Ids;

/**
 * The public id of a stored event ({@code evt_...}): the same in the event log, in a webhook's {@code webhook-id}
 * and body, and across every retry. It is derived from the event store's own identifier (a UUID), so each consumer
 * computes it alone and a rebuilt event log gets the same ids: the first 128 bits of its SHA-256, in 22 base62
 * characters, the shape of every other id.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String of(String eventIdentifier) {
        return Ids.derived(Ids.EVENT, eventIdentifier);
    }
}
