package com.crowdledger.command.secret;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Factory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * argon2id for every secret we must later recognise (passwords, API keys). The output is a standard PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so any argon2 library can verify it.
 *
 * <p>Parameters: OWASP's minimum for argon2id, m=19 MiB, t=2, p=1 (about 30 ms here). API keys carry 128 random
 * bits, so a slower setting would add nothing against guessing them; the authentication cache makes the cost a
 * once-per-key matter.
 *
 * <p>Every run takes a slot of its {@link Lane}, about one core's worth each: unbounded, a flood of argon2 work (or
 * its 19 MiB apiece) starves everything else. A run that finds no free slot within {@link #WAIT} is refused with 503
 * {@code SERVICE_UNAVAILABLE}. Two lanes, so that what strangers can cause (logins, registrations) never keeps the
 * keys of working integrations from being checked.
 */
@Component
public class SecretHashing {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final Duration WAIT = Duration.ofSeconds(1);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** Which slots an argon2 run waits for. */
    public enum Lane {
        /** API keys presented by clients, on a cache miss: the traffic of integrations that already work. */
        PRESENTED_KEYS,
        /** Passwords (logins, registrations) and newly issued keys: what anybody can cause. */
        ACCOUNTS
    }

    private final Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final Map<Lane, Semaphore> slots = new EnumMap<>(Lane.class);
    private final Map<Lane, LongAdder> refused = new EnumMap<>(Lane.class);
    private final long waitNanos;

    @Autowired
    public SecretHashing() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), WAIT);
    }

    SecretHashing(int slotsPerLane, Duration wait) {
        for (Lane lane : Lane.values()) {
            slots.put(lane, new Semaphore(slotsPerLane, true));
            refused.put(lane, new LongAdder());
        }
        this.waitNanos = wait.toNanos();
    }

    /** Hashes a new password or key (lane {@link Lane#ACCOUNTS}). */
    public String hash(String secret) {
        return inSlot(Lane.ACCOUNTS, () -> {
            char[] chars = secret.toCharArray();
            try {
                return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, chars);
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    public boolean verify(Lane lane, String phcHash, String secret) {
        return inSlot(lane, () -> {
            char[] chars = secret.toCharArray();
            try {
                return argon2.verify(phcHash, chars);
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    /** How many runs of this lane were refused for want of a slot, since start. */
    public long refusals(Lane lane) {
        return refused.get(lane).sum();
    }

    <T> T inSlot(Lane lane, Supplier<T> work) {
        Semaphore lanes = slots.get(lane);
        boolean acquired;
        try {
            acquired = lanes.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refused.get(lane).increment();
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Too many secrets are being checked at this moment; retry in a second");
        }
        try {
            return work.get();
        } finally {
            lanes.release();
        }
    }
}
