package com.crowdledger.query.notification;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.crypto.RandomTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.DeferredResultProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's open streams, and everything that writes to them. Nothing runs per stream and nothing waits on a
 * client: the servlet request is asynchronous, a wake-up from the node's one listener ({@link NotificationChannel})
 * runs a short read per recipient on a small shared pool (the recipient's rows after what its streams took, read and
 * rendered once for all of them), whose events go into each stream's bounded buffer, written without blocking as
 * each client reads ({@link NotificationStream}). One scheduled task sends every stream its heartbeat, closes those
 * whose client stopped reading, and renews their slots.
 *
 * <p>Opening: claim a slot (else 429), register the stream, then read. Registered first, read second: a notification
 * committed before the registration is found by the read, one committed after it wakes the recipient, and the
 * sequence (see {@link NotificationProjection}) makes the two overlap without a gap or a duplicate.
 */
@Component
class NotificationStreams implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
    private static final int PAGE = 100;
    private static final int READERS = 4;
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);
    private static final byte[] OPENED = comment("stream open");
    private static final byte[] HEARTBEAT = comment("heartbeat");

    private final JdbcTemplate jdbc;
    private final StreamSlots slots;
    private final NotificationSettings settings;
    private final NotificationData json;
    private final Map<String, Recipient> byRecipient = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, daemon("notification-stream"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemon("notification-heartbeat"));
    private volatile boolean running;

    /** The open streams of one account in one mode, and the one read at a time that feeds them all. */
    private record Recipient(String accountId, Mode mode, Set<NotificationStream> streams, Turns reads) {
        Recipient(String accountId, Mode mode) {
            this(accountId, mode, ConcurrentHashMap.newKeySet(), new Turns());
        }
    }

    NotificationStreams(JdbcTemplate jdbc, StreamSlots slots, NotificationSettings settings, NotificationData json) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.settings = settings;
        this.json = json;
    }

    /**
     * A new stream of the recipient's notifications after {@code lastEventId} (null: from now on), written to
     * {@code request}'s response once it is asynchronous; refused ({@link StreamSlots.Claim}) when the key, its
     * account or this node holds every stream it may.
     */
    Opened open(String keyId, String accountId, Mode mode, Long lastEventId, HttpServletRequest request) {
        String streamId = RandomTokens.hex(16);
        if (!running) {
            return new Opened(null, StreamSlots.Claim.KEY_FULL);
        }
        if (openStreams() >= settings.streamsPerNode()) {
            return new Opened(null, StreamSlots.Claim.NODE_FULL);
        }
        StreamSlots.Claim claim = slots.claim(keyId, accountId, streamId);
        if (claim != StreamSlots.Claim.CLAIMED) {
            return new Opened(null, claim);
        }
        try {
            return opened(streamId, accountId, mode, lastEventId, request, claim);
        } catch (RuntimeException e) {
            slots.release(List.of(streamId)); // the key gets its slot back now rather than when it lapses
            throw e;
        }
    }

    private Opened opened(String streamId, String accountId, Mode mode, Long lastEventId, HttpServletRequest request,
                          StreamSlots.Claim claim) {
        SseEmitter emitter = new SseEmitter(settings.maxStreamAge().toMillis());
        // the newest row now: a Last-Event-ID beyond it (forged, or from another recipient's stream) starts here
        long newest = jdbc.queryForObject(
                "select coalesce(max(sequence), 0) from notifications where account_id = ? and mode = ?",
                Long.class, accountId, mode.name());
        String recipient = NotificationStream.recipientOf(accountId, mode);
        NotificationStream stream = new NotificationStream(streamId, accountId, mode, emitter,
                lastEventId == null ? newest : Math.min(lastEventId, newest), settings.streamBuffer().toBytes(),
                () -> wake(byRecipient.get(recipient)), this::close);
        emitter.onCompletion(() -> close(stream));
        emitter.onTimeout(() -> close(stream));
        emitter.onError(failure -> close(stream));
        // the response turns asynchronous after this handler returns: from then on it is written without blocking
        WebAsyncUtils.getAsyncManager(request).registerDeferredResultInterceptor(streamId,
                new DeferredResultProcessingInterceptor() {
                    @Override
                    public <T> void preProcess(NativeWebRequest asynchronous, DeferredResult<T> result)
                            throws IOException {
                        stream.attach(asynchronous.getNativeResponse(HttpServletResponse.class).getOutputStream());
                    }
                });
        Recipient fed = byRecipient.compute(recipient, (key, existing) -> {
            Recipient found = existing == null ? new Recipient(accountId, mode) : existing;
            found.streams().add(stream);
            return found;
        });
        if (!running) { // stopped while it opened: stop() did not see it
            close(stream);
            return new Opened(null, StreamSlots.Claim.KEY_FULL);
        }
        stream.offer(OPENED, 0);
        wake(fed);
        return new Opened(emitter, claim);
    }

    /** A stream, or why there is none. */
    record Opened(SseEmitter emitter, StreamSlots.Claim claim) {
    }

    /** Something new for the recipient (or, with no recipient, possibly for anyone: after a lost connection). */
    void wake(String accountId, Mode mode, long sequence) {
        Recipient recipient = byRecipient.get(NotificationStream.recipientOf(accountId, mode));
        if (recipient != null && recipient.streams().stream().anyMatch(stream -> stream.lastQueued() < sequence)) {
            wake(recipient);
        }
    }

    void wakeAll() {
        byRecipient.values().forEach(this::wake);
    }

    int openStreams() {
        return byRecipient.values().stream().mapToInt(recipient -> recipient.streams().size()).sum();
    }

    private void wake(Recipient recipient) {
        if (recipient != null && recipient.reads().ask()) {
            readers.execute(() -> recipient.reads().serve(() -> read(recipient)));
        }
    }

    /**
     * Reads the recipient's rows after the oldest its streams took (once for all of them, each rendered once) and
     * offers each stream those after its own, in order. A full stream is left out from the row it refused on (never
     * given a later one, which would skip it): it asks again once its client has taken what it holds.
     */
    private void read(Recipient recipient) {
        List<NotificationStream> fed = recipient.streams().stream()
                .filter(stream -> !stream.isClosed() && !stream.isFull()).toList();
        if (fed.isEmpty()) {
            return;
        }
        // a stream that refused a row takes no later one in this read: its next read starts at that row
        Set<NotificationStream> refused = new HashSet<>();
        try {
            long after = fed.stream().mapToLong(NotificationStream::lastQueued).min().orElseThrow();
            List<NotificationRow> rows;
            do {
                rows = jdbc.query("""
                        select sequence, id, type, title, data::text, event_id, created_at, read_at from notifications
                        where account_id = ? and mode = ? and sequence > ? order by sequence limit ?""",
                        (row, n) -> NotificationRow.read(row), recipient.accountId(), recipient.mode().name(), after,
                        PAGE);
                for (NotificationRow row : rows) {
                    List<NotificationStream> takers = fed.stream().filter(stream -> !refused.contains(stream)
                            && stream.lastQueued() < row.sequence()).toList();
                    byte[] event = takers.isEmpty() ? null : event(row); // rendered only for a stream that takes it
                    for (NotificationStream stream : takers) {
                        if (!stream.offer(event, row.sequence())) {
                            refused.add(stream);
                        }
                    }
                    after = row.sequence();
                }
                // the next page starts where the streams still taking rows are: a full stream that lags behind
                // must not make the read walk the history a live stream has already had
                OptionalLong taking = fed.stream().filter(stream -> !refused.contains(stream))
                        .mapToLong(NotificationStream::lastQueued).min();
                if (taking.isEmpty()) {
                    break;
                }
                after = Math.max(after, taking.getAsLong());
            } while (rows.size() == PAGE);
        } catch (RuntimeException e) {
            log.warn("Notification streams could not be served ({}); closing them", e.getMessage());
            fed.forEach(this::close);
        }
    }

    /** {@code id}, {@code event} and {@code data} lines of the notification (JSON: one line). */
    private byte[] event(NotificationRow row) {
        return ("id: " + row.sequence() + "\nevent: notification\ndata: "
                + json.write(row.view(json)).replace("\r", "").replace("\n", "\ndata: ") + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A comment on every stream (which also finds clients that went away), the slots renewed, the streams of keys
     * revoked or expired since they opened ended (a key's revocation reaches its open streams within a heartbeat),
     * and the streams whose buffer was full while their client took nothing for a heartbeat closed: the client
     * stopped reading, and resumes with its {@code Last-Event-ID} when it reads again. A stream whose slot lapsed
     * (its node could not reach the database for longer than the lapse) and went to another stream ends too, so the
     * caps hold.
     */
    private void heartbeat() {
        try {
            List<NotificationStream> open = byRecipient.values().stream()
                    .flatMap(recipient -> recipient.streams().stream()).toList();
            Set<String> revoked = slots.ofUnusableKeys(open.stream().map(stream -> stream.id).toList());
            long now = System.nanoTime();
            open.stream().filter(stream -> revoked.contains(stream.id)
                    || stream.stalledFor(now) >= settings.heartbeat().toNanos()).forEach(this::close);
            open.forEach(stream -> stream.offer(HEARTBEAT, 0));
            List<NotificationStream> live = open.stream().filter(stream -> !stream.isClosed()).toList();
            Set<String> holding = slots.renew(live.stream().map(stream -> stream.id).toList());
            live.stream().filter(stream -> !holding.contains(stream.id)).forEach(this::close);
        } catch (RuntimeException e) {
            log.warn("Notification stream heartbeat failed: {}", e.getMessage());
        }
    }

    /** Ends the stream (its client sees the response end) and gives its slot back; once. */
    private void close(NotificationStream stream) {
        if (!stream.close()) {
            return;
        }
        byRecipient.computeIfPresent(stream.recipient(), (key, recipient) -> {
            recipient.streams().remove(stream);
            return recipient.streams().isEmpty() ? null : recipient;
        });
        try {
            stream.emitter.complete();
        } catch (RuntimeException ignored) {
            // the response is over already
        }
        try {
            slots.release(List.of(stream.id));
        } catch (RuntimeException e) {
            log.warn("A notification stream's slot was not given back (it lapses): {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Completes every stream before the web server stops (a later phase): clients see the stream end and reconnect
     * elsewhere with their Last-Event-ID, and graceful shutdown does not wait on them. Their slots are given back in
     * one statement that may take at most {@link #RELEASE_WAIT}: a database that is already going away (the embedded
     * one stops in a JVM shutdown hook of its own) must not hold the shutdown, and unreleased slots lapse anyway.
     */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        List<NotificationStream> open = byRecipient.values().stream()
                .flatMap(recipient -> recipient.streams().stream()).toList();
        byRecipient.clear();
        for (NotificationStream stream : open) {
            stream.close();
            try {
                stream.emitter.complete();
            } catch (RuntimeException ignored) {
                // the client is gone already
            }
        }
        readers.shutdown();
        try {
            CompletableFuture.runAsync(() -> slots.release(open.stream().map(stream -> stream.id).toList()),
                    task -> daemon("notification-slots").newThread(task).start())
                    .get(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.info("{} notification stream slots were not given back at shutdown (they lapse): {}", open.size(),
                    e.getMessage());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
