package com.crowdledger.query.notification;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.crypto.RandomTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's open streams, and everything that writes to them. Nothing runs per stream: no thread waits on one
 * (the servlet request is asynchronous), a wake-up from the node's one listener ({@link NotificationChannel}) runs a
 * short pump on a small shared pool that reads the recipient's rows after the stream's last sequence and sends them,
 * and one scheduled task sends every stream its heartbeat and renews their slots.
 *
 * <p>Opening: claim a slot (else 429), register the stream, then pump. Registered first, read second: a notification
 * committed before the registration is found by the read, one committed after it wakes the stream, and the sequence
 * (see {@link NotificationProjection}) makes the two overlap without a gap or a duplicate.
 */
@Component
class NotificationStreams implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
    private static final int PAGE = 100;
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);
    private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final JdbcTemplate jdbc;
    private final StreamSlots slots;
    private final NotificationSettings settings;
    private final NotificationData json;
    private final Map<String, Set<NotificationStream>> byRecipient = new ConcurrentHashMap<>();
    private final ExecutorService pumps = Executors.newFixedThreadPool(2, daemon("notification-stream"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemon("notification-heartbeat"));
    private volatile boolean running;

    NotificationStreams(JdbcTemplate jdbc, StreamSlots slots, NotificationSettings settings, NotificationData json) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.settings = settings;
        this.json = json;
    }

    /**
     * A new stream of the recipient's notifications after {@code lastEventId} (null: from now on); empty when the key
     * holds every slot already.
     */
    Optional<SseEmitter> open(String keyId, String accountId, Mode mode, Long lastEventId) {
        String streamId = RandomTokens.hex(16);
        if (!running || !slots.claim(keyId, streamId)) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(settings.maxStreamAge().toMillis());
        // the newest row now: a Last-Event-ID beyond it (forged, or from another recipient's stream) starts here
        long newest = jdbc.queryForObject(
                "select coalesce(max(sequence), 0) from notifications where account_id = ? and mode = ?",
                Long.class, accountId, mode.name());
        NotificationStream stream = new NotificationStream(streamId, accountId, mode, emitter,
                lastEventId == null ? newest : Math.min(lastEventId, newest));
        emitter.onCompletion(() -> close(stream));
        emitter.onTimeout(() -> close(stream));
        emitter.onError(failure -> close(stream));
        byRecipient.computeIfAbsent(stream.recipient(), ignored -> ConcurrentHashMap.newKeySet()).add(stream);
        send(stream, SseEmitter.event().comment("stream open"));
        wake(stream);
        return Optional.of(emitter);
    }

    /** Something new for the recipient (or, with no recipient, possibly for anyone: after a lost connection). */
    void wake(String accountId, Mode mode, long sequence) {
        Set<NotificationStream> streams = byRecipient.get(NotificationStream.recipientOf(accountId, mode));
        if (streams != null) {
            streams.stream().filter(stream -> stream.lastSent() < sequence).forEach(this::wake);
        }
    }

    void wakeAll() {
        byRecipient.values().forEach(streams -> streams.forEach(this::wake));
    }

    int openStreams() {
        return byRecipient.values().stream().mapToInt(Set::size).sum();
    }

    private void wake(NotificationStream stream) {
        if (stream.startPump()) {
            pumps.execute(() -> pump(stream));
        }
    }

    /** Sends what the stream has not sent yet, until nothing more was asked for. */
    private void pump(NotificationStream stream) {
        do {
            try {
                while (stream.takeRequest() && !stream.isClosed()) {
                    sendNewRows(stream);
                }
            } catch (RuntimeException e) {
                log.warn("A notification stream could not be served ({}); closing it", e.getMessage());
                stream.emitter.completeWithError(e);
                close(stream);
            }
        } while (stream.endPump());
    }

    private void sendNewRows(NotificationStream stream) {
        List<NotificationRow> rows;
        do {
            rows = jdbc.query("""
                    select sequence, id, type, title, data::text, event_id, created_at, read_at from notifications
                    where account_id = ? and mode = ? and sequence > ? order by sequence limit ?""",
                    (row, n) -> NotificationRow.read(row), stream.accountId, stream.mode.name(), stream.lastSent(),
                    PAGE);
            for (NotificationRow row : rows) {
                if (!send(stream, SseEmitter.event().id(Long.toString(row.sequence())).name("notification")
                        .data(json.write(row.view(json)), UTF8_TEXT))) {
                    return;
                }
                stream.sent(row.sequence());
            }
        } while (rows.size() == PAGE);
    }

    /** False when the client is gone (the stream is then closed). */
    private boolean send(NotificationStream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            close(stream);
            return false;
        }
    }

    /**
     * A comment on every stream (which also finds clients that went away), the slots renewed, and the streams of
     * keys revoked or expired since they opened ended: a key's revocation reaches its open streams within a heartbeat.
     */
    private void heartbeat() {
        try {
            List<NotificationStream> open = byRecipient.values().stream().flatMap(Set::stream).toList();
            Set<String> revoked = slots.ofUnusableKeys(open.stream().map(stream -> stream.id).toList());
            open.stream().filter(stream -> revoked.contains(stream.id)).forEach(stream -> {
                close(stream);
                stream.emitter.complete();
            });
            open.forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat")));
            slots.renew(open.stream().filter(stream -> !stream.isClosed()).map(stream -> stream.id).toList());
        } catch (RuntimeException e) {
            log.warn("Notification stream heartbeat failed: {}", e.getMessage());
        }
    }

    private void close(NotificationStream stream) {
        if (!stream.close()) {
            return;
        }
        byRecipient.computeIfPresent(stream.recipient(), (recipient, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
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
        List<NotificationStream> open = byRecipient.values().stream().flatMap(Set::stream).toList();
        byRecipient.clear();
        for (NotificationStream stream : open) {
            stream.close();
            try {
                stream.emitter.complete();
            } catch (RuntimeException ignored) {
                // the client is gone already
            }
        }
        pumps.shutdown();
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
