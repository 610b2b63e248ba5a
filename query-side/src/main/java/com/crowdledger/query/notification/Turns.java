package com.crowdledger.query.notification;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work that several threads may ask for, done by one thread at a time, and again whenever it was asked for while it
 * ran: a recipient's read (a notification announced while its last read ran is read by the next one), a stream's
 * writes. No request is lost and the work never runs twice at once, without a lock held while it runs.
 */
final class Turns {
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /** Asks for the work; true when the caller must {@link #serve} it (nobody was running it). */
    boolean ask() {
        wanted.set(true);
        return running.compareAndSet(false, true);
    }

    /** Runs the work until nothing more was asked for; only after {@link #ask} answered true. */
    void serve(Runnable work) {
        do {
            try {
                while (wanted.getAndSet(false)) {
                    work.run();
                }
            } finally {
                running.set(false);
            }
        } while (wanted.get() && running.compareAndSet(false, true));
    }
}
