package com.crowdledger.query.notification;

import com.crowdledger.shared.Mode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream on this node: whose notifications it carries, what it holds that its client has not taken yet, and
 * the last sequence it took in. Nothing ever waits on its client: events go into a bounded buffer, which is written
 * with non-blocking servlet output ({@link WriteListener}) as fast as the client reads, by whichever thread has
 * something to add, or by the container's thread when the socket takes more.
 *
 * <p>A full buffer refuses what comes (the stream {@link #isFull is full}); once its client has taken all of it, the
 * stream asks its recipient's reader for what it missed meanwhile ({@code behind}). A stream that stays full while its
 * client takes nothing (it stopped reading) is closed by the heartbeat, and the client resumes with
 * {@code Last-Event-ID}.
 */
final class NotificationStream implements WriteListener {
    final String id;
    final String accountId;
    final Mode mode;
    final SseEmitter emitter;
    private final long bufferLimit;
    private final Runnable behind;
    private final Consumer<NotificationStream> gone;
    private final Queue<byte[]> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicLong buffered = new AtomicLong();
    private final Turns writes = new Turns();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ServletOutputStream out;
    private volatile long lastQueued;
    /** When an event first found the buffer full (System.nanoTime), 0 while it has room. */
    private volatile long fullSince;
    /** When the client last took something (System.nanoTime): the socket accepted a write. */
    private volatile long lastTaken = System.nanoTime();
    /** Only the writer touches it ({@link #writes}). */
    private boolean unflushed;

    /**
     * @param behind runs when the buffer, once full, has been written out: the stream wants what it refused
     * @param gone   runs when the client is found gone (a write failed)
     */
    NotificationStream(String id, String accountId, Mode mode, SseEmitter emitter, long lastQueued, long bufferLimit,
                       Runnable behind, Consumer<NotificationStream> gone) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.emitter = emitter;
        this.lastQueued = lastQueued;
        this.bufferLimit = bufferLimit;
        this.behind = behind;
        this.gone = gone;
    }

    String recipient() {
        return recipientOf(accountId, mode);
    }

    static String recipientOf(String accountId, Mode mode) {
        return accountId + " " + mode.name();
    }

    /** The sequence of the last notification this stream took in (sent, or in its buffer). */
    long lastQueued() {
        return lastQueued;
    }

    boolean isFull() {
        return fullSince != 0;
    }

    /**
     * How long the buffer has been full while its client took nothing, in nanoseconds; 0 when it has room. A client
     * that reads slowly but reads is not stalled.
     */
    long stalledFor(long now) {
        long since = fullSince;
        return since == 0 ? 0 : now - Math.max(since, lastTaken);
    }

    /**
     * Adds an event (its SSE bytes; {@code sequence} 0 for a comment) and writes what the client takes; false when the
     * stream is closed or its buffer is full (nothing is added, and the stream is full until written out).
     */
    boolean offer(byte[] event, long sequence) {
        if (closed.get() || fullSince != 0) {
            return false;
        }
        if (buffered.get() > 0 && buffered.get() + event.length > bufferLimit) {
            fullSince = Math.max(1, System.nanoTime());
            write(); // the writer may have emptied the buffer just before: it then asks for what was refused
            return false;
        }
        buffered.addAndGet(event.length);
        buffer.add(event);
        if (sequence > 0) {
            lastQueued = sequence;
        }
        write();
        return true;
    }

    /** The response is asynchronous now: from here on it is written without blocking, as the client reads. */
    void attach(ServletOutputStream output) {
        out = output;
        output.setWriteListener(this);
    }

    /** The container: the socket takes more. */
    @Override
    public void onWritePossible() {
        write();
    }

    @Override
    public void onError(Throwable failure) {
        gone.accept(this);
    }

    private void write() {
        if (writes.ask()) {
            writes.serve(this::writeWhatTheClientTakes);
        }
    }

    /**
     * Writes while the socket takes it. When it stops taking (isReady false) the container calls
     * {@link #onWritePossible} later; nothing here waits.
     */
    private void writeWhatTheClientTakes() {
        ServletOutputStream output = out;
        if (output == null || closed.get()) {
            return;
        }
        try {
            while (output.isReady()) {
                byte[] next = buffer.poll();
                if (next != null) {
                    output.write(next);
                    buffered.addAndGet(-next.length);
                    unflushed = true;
                    lastTaken = System.nanoTime();
                } else if (unflushed) {
                    unflushed = false;
                    output.flush();
                } else {
                    if (fullSince != 0) {
                        fullSince = 0;
                        behind.run();
                    }
                    return;
                }
            }
        } catch (IOException | IllegalStateException failed) {
            gone.accept(this);
        }
    }

    /** True the first time only: the stream's slot is given back once. What it held is dropped. */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        buffer.clear();
        buffered.set(0);
        return true;
    }

    boolean isClosed() {
        return closed.get();
    }
}
