package com.crowdledger.infra.auth;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds concurrent argon2id verifications (API keys on a cache miss, logins) to one per core. Each takes tens of
 * milliseconds of CPU; unbounded, a flood of them starves every other request. A verification beyond the bound waits
 * its turn for at most {@link #DEFAULT_WAIT}, then is answered 503 {@code SERVICE_UNAVAILABLE} (with
 * {@code Retry-After}, see {@code ApiExceptionHandler}) instead of queueing without end.
 */
@Component
class Argon2Gate {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private final Semaphore slots;
    private final long waitNanos;
    private final Counter busy;

    @Autowired
    Argon2Gate(MeterRegistry meters) {
        this(meters, Runtime.getRuntime().availableProcessors(), DEFAULT_WAIT);
    }

    Argon2Gate(MeterRegistry meters, int slots, Duration wait) {
        this.slots = new Semaphore(slots, true);
        this.waitNanos = wait.toNanos();
        this.busy = Counter.builder("crowdledger.auth.argon2.busy")
                .description("argon2id verifications refused with 503 because every slot stayed busy")
                .register(meters);
    }

    /** Runs {@code work} (which verifies with argon2id) in a slot; 503 if none frees up in time. */
    <T> T run(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            busy.increment();
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Too many sign-ins are being checked at this moment; retry in a second");
        }
    }
}
