package com.crowdledger.shared.processing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a processing group tracking: it follows the event store on its own threads with a token stored in
 * PostgreSQL, so it never slows or fails a command, resumes where it stopped after a restart, and retries a batch
 * that failed (with back-off) rather than skipping it. For side effects (Kafka, webhooks, notifications).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Tracking {
    /** Events handled per transaction (and per stored token). */
    int batchSize() default 1;

    /** Threads, and so segments: events of one aggregate always go to the same segment, in order. */
    int threads() default 1;

    /**
     * Where a processor that has never run starts: at the first stored event (replay the whole history), or at the
     * end of the store (only events from its first start on).
     */
    boolean fromStart() default true;
}
