package com.crowdledger.query.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When a node's claimer claims next, and what: every target's due rows, or only targets known to have rows due
 * (this node queued them, or half of what it held of one is done). Not thread-safe: the worker calls it under its own
 * lock, with {@link System#nanoTime()}.
 *
 * <p>A claim of every target's due rows is made when asked for, and at least once per {@code pollInterval} a poll,
 * which also looks behind the oldest due rows, however many other claims come between: the poll is how retries come
 * due, lapsed leases return and other nodes' deliveries are found, so neither a stream of targeted claims (a busy
 * endpoint, a dispatcher committing often) nor the budget's claims may postpone it. A claim of every target's due
 * rows looks at the oldest of them only, so the targets waiting for a claim of their own are still claimed after it.
 */
final class ClaimSchedule {
    private final long pollNanos;
    private long nextPoll;
    private boolean everyTarget = true;
    private boolean lookBehind = true;
    private final Map<String, DeliveryTarget> targets = new LinkedHashMap<>();

    /**
     * A claim to make: of every target's due rows (then whether it may look behind the oldest ones, see
     * {@link DeliveryQueue#claim}), or of {@code targets} alone.
     */
    record Claim(boolean everyTarget, boolean lookBehind, List<DeliveryTarget> targets) {
    }

    ClaimSchedule(Duration pollInterval, long now) {
        this.pollNanos = pollInterval.toNanos();
        this.nextPoll = now;
    }

    /** The next claim is of every target's due rows. */
    void everyTarget(boolean mayLookBehind) {
        everyTarget = true;
        lookBehind |= mayLookBehind;
    }

    /** These targets have rows due: claim them alone (after a claim of every target, when one is due first). */
    void targets(Collection<DeliveryTarget> due) {
        due.forEach(target -> targets.put(target.key(), target));
    }

    /** The claim to make now, or null when there is none before the poll ({@link #nanosToPoll}). */
    @Nullable Claim next(long now) {
        if (now - nextPoll >= 0) {
            everyTarget(true);
        }
        if (everyTarget) {
            Claim claim = new Claim(true, lookBehind, List.of());
            if (lookBehind) {
                nextPoll = now + pollNanos;
            }
            everyTarget = false;
            lookBehind = false;
            return claim;
        }
        if (!targets.isEmpty()) {
            Claim claim = new Claim(false, false, List.copyOf(targets.values()));
            targets.clear();
            return claim;
        }
        return null;
    }

    long nanosToPoll(long now) {
        return nextPoll - now;
    }
}
