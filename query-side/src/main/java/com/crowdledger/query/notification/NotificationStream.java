package com.crowdledger.query.notification;

import com.crowdledger.shared.Mode;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream on this node: whose notifications it carries, the last sequence it sent, and whether a pump is
 * running for it. Pumps of one stream never overlap ({@link #startPump}), so what it sends stays in sequence order
 * and {@link #lastSent} needs no lock.
 */
final class NotificationStream {
    final String id;
    final String accountId;
    final Mode mode;
    final SseEmitter emitter;
    private volatile long lastSent;
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    NotificationStream(String id, String accountId, Mode mode, SseEmitter emitter, long lastSent) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.emitter = emitter;
        this.lastSent = lastSent;
    }

    String recipient() {
        return recipientOf(accountId, mode);
    }

    static String recipientOf(String accountId, Mode mode) {
        return accountId + " " + mode.name();
    }

    long lastSent() {
        return lastSent;
    }

    void sent(long sequence) {
        lastSent = sequence;
    }

    /** Asks for a pump; true when the caller must run one (none was running). */
    boolean startPump() {
        wanted.set(true);
        return pumping.compareAndSet(false, true);
    }

    /** Takes the request a pump answers; false when nothing was asked since the last one. */
    boolean takeRequest() {
        return wanted.getAndSet(false);
    }

    /** Ends the pump; true when a request came in meanwhile and the caller must pump again. */
    boolean endPump() {
        pumping.set(false);
        return wanted.get() && pumping.compareAndSet(false, true);
    }

    /** True the first time only: the stream's slot is given back once. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    boolean isClosed() {
        return closed.get();
    }
}
