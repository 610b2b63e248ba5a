package com.crowdledger.infra.ratelimit;

import java.util.HashMap;
import java.util.Map;

/**
 * Requests this node accepted in the current minute from each client network for each target of a public group (an
 * offer of a brand): a target's limit is high, so that every visitor of a link gets through, and without this one
 * address could spend all of it and stop everyone else's clicks. Kept in memory: a database row per visitor's address
 * would cost nearly every click a write. With several nodes, an address gets up to that many times the cap.
 */
final class AddressMinuteCap {
    private static final long MINUTE_MILLIS = 60_000;
    /** Keys a minute, at most (about 20 MB): past them, new keys are not counted, and pass. */
    static final int MAX_KEYS = 100_000;

    private long minute = -1;
    private Map<String, Long> counts = new HashMap<>();

    /**
     * Counts one request of {@code key} at {@code nowMillis}; whether it is within {@code cap} this minute. The counts
     * start afresh each minute, so they hold no more than a minute's distinct keys, and no more than {@link #MAX_KEYS}
     * (keys are made of the URL's slugs before they are known to name anything: a flood of made-up links, already
     * slowed by its refusals, must not fill the memory).
     */
    synchronized boolean admit(String key, long cap, long nowMillis) {
        long current = nowMillis / MINUTE_MILLIS;
        if (current != minute) {
            minute = current;
            counts = new HashMap<>();
        }
        if (counts.size() >= MAX_KEYS && !counts.containsKey(key)) {
            return true;
        }
        return counts.merge(key, 1L, Long::sum) <= cap;
    }

    /** When the current minute ends, in unix seconds. */
    static long minuteEndEpochSeconds(long nowMillis) {
        return (nowMillis / MINUTE_MILLIS + 1) * (MINUTE_MILLIS / 1000);
    }
}
