package com.crowdledger.query.delivery;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what attempts got: the attempt's log row, the delivery's new state (done, or due again on the retry
 * schedule), and the target's health; then gives up on targets that answered 410 Gone or kept failing. Outcomes
 * queue up and one thread writes them in one statement and transaction, those that arrive within {@link #GATHER}
 * of the first (up to 200), so a busy node does not pay a commit per delivery.
 *
 * <p>An outcome is written only by the node that holds its attempt ({@code where attempts = :attempt}): if the
 * claim lapsed and another node made the attempt again, the late outcome is logged but changes nothing. A write
 * that fails is retried; outcomes still unwritten when the node dies are lost with it, and their deliveries are
 * tried again when their claims lapse (at least once, with the same webhook-id).
 */
class DeliveryRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);
    private static final int MAX_BATCH = 200;
    /** How long the first outcome of a batch waits for others: an outcome's write makes no delivery wait. */
    private static final Duration GATHER = Duration.ofMillis(50);
    private static final Duration MIN_STREAK_GAP = Duration.ofHours(1);
    /** The target's failing period forgotten: given up on, or changed by its owner ({@link Deliveries}). */
    static final String FORGET_FAILURES =
            "update delivery_targets set failing_since = null where kind = ? and target_id = ?";

    /** What one attempt came to: {@code result} null when it was canceled before any request. */
    record Outcome(QueuedDelivery delivery, Instant attemptedAt, AttemptResult result, String canceledBecause) {
        Instant finishedAt() {
            return result == null ? attemptedAt : attemptedAt.plusMillis(result.durationMillis());
        }
    }

    /** An outcome as the delivery's row takes it. */
    private record Written(Outcome outcome, DeliveryStatus status, @Nullable Instant nextAttemptAt) {
    }

    private record GiveUp(QueuedDelivery delivery, DeliveryKind.TargetFailure failure, Instant failingSince,
                          String detail) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RetrySchedule schedule;
    private final Duration disableAfter;
    private final Duration streakGap;
    private final Map<String, DeliveryKind> kinds;
    private final DeliveryMetrics metrics;
    private final String nodeName;
    private final BlockingQueue<Outcome> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    DeliveryRecorder(JdbcTemplate jdbc, TransactionTemplate transactions, RetrySchedule schedule,
                     Duration disableAfter, Map<String, DeliveryKind> kinds, DeliveryMetrics metrics,
                     String nodeName) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schedule = schedule;
        this.disableAfter = disableAfter;
        this.streakGap = Collections.max(List.of(schedule.longestWait().multipliedBy(2), MIN_STREAK_GAP));
        this.kinds = kinds;
        this.metrics = metrics;
        this.nodeName = nodeName;
        this.writer = new Thread(this::writeWhileOpen, "delivery-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    void record(Outcome outcome) {
        waiting.add(outcome);
    }

    /** Writes what is waiting, then stops. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void writeWhileOpen() {
        List<Outcome> batch = new ArrayList<>();
        while (open || !waiting.isEmpty()) {
            try {
                Outcome first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                writeUntilDone(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Adds the outcomes that arrive within {@link #GATHER} (none once closing), up to a full batch. */
    private void gather(List<Outcome> batch) throws InterruptedException {
        long until = System.nanoTime() + GATHER.toNanos();
        waiting.drainTo(batch, MAX_BATCH - batch.size());
        while (open && batch.size() < MAX_BATCH) {
            Outcome next = waiting.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            waiting.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void writeUntilDone(List<Outcome> batch) throws InterruptedException {
        while (true) {
            try {
                List<GiveUp> giveUps = transactions.execute(status -> write(batch));
                giveUps.forEach(this::giveUp);
                return;
            } catch (RuntimeException e) {
                if (!open) {
                    log.warn("Could not record {} delivery outcomes while stopping; their deliveries will be "
                            + "attempted again when their claims lapse", batch.size(), e);
                    return;
                }
                log.warn("Could not record {} delivery outcomes; trying again", batch.size(), e);
                Thread.sleep(1000);
            }
        }
    }

    private List<GiveUp> write(List<Outcome> batch) {
        List<Written> written = batch.stream().map(this::written).toList();
        Set<String> ours = writeOutcomes(written);
        List<GiveUp> giveUps = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (Written write : written) {
            Outcome outcome = write.outcome();
            QueuedDelivery delivery = outcome.delivery();
            if (!ours.contains(delivery.id() + "#" + delivery.attempt())) {
                continue; // the claim lapsed and another node took the delivery over: its outcome counts
            }
            AttemptResult result = outcome.result();
            if (result == null) {
                metrics.outcome(delivery.kind(), "canceled");
                continue;
            }
            if (result.succeeded()) {
                healthy.add(delivery.targetKey());
                metrics.outcome(delivery.kind(), "succeeded");
                metrics.delivered(delivery.kind(), Duration.between(delivery.createdAt(), outcome.finishedAt()));
                continue;
            }
            Instant failingSince = failingSince(delivery, outcome.attemptedAt());
            if (result.gone()) {
                metrics.outcome(delivery.kind(), "gone");
                giveUps.add(new GiveUp(delivery, DeliveryKind.TargetFailure.GONE, failingSince, "answered 410 Gone"));
            } else {
                metrics.outcome(delivery.kind(), write.status() == DeliveryStatus.PENDING ? "retrying" : "failed");
                if (!outcome.attemptedAt().isBefore(failingSince.plus(disableAfter))) {
                    giveUps.add(new GiveUp(delivery, DeliveryKind.TargetFailure.FAILING, failingSince,
                            "every attempt failed since " + failingSince + "; the last: " + result.error()));
                }
            }
        }
        if (!healthy.isEmpty()) {
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("""
                        update delivery_targets set failing_since = null
                        where kind || ':' || target_id = any (?) and failing_since is not null""");
                statement.setArray(1, connection.createArrayOf("text", healthy.toArray()));
                return statement;
            });
        }
        return giveUps;
    }

    private Written written(Outcome outcome) {
        AttemptResult result = outcome.result();
        if (result == null) {
            return new Written(outcome, DeliveryStatus.CANCELED, null);
        }
        if (result.succeeded()) {
            return new Written(outcome, DeliveryStatus.SUCCEEDED, null);
        }
        Optional<Instant> next = result.gone() ? Optional.empty()
                : schedule.nextAfter(outcome.delivery().attempt(), outcome.finishedAt());
        return next.map(at -> new Written(outcome, DeliveryStatus.PENDING, at))
                .orElseGet(() -> new Written(outcome, DeliveryStatus.FAILED, null));
    }

    /**
     * Writes a batch's attempt rows and its deliveries' new states in one statement (the outcomes as arrays, a row
     * each): the attempt is logged even when the claim lapsed, the delivery changes only for the holder of the
     * attempt. A canceled delivery made no attempt: it keeps its last attempt's time and status, and its last error
     * says why it was canceled.
     *
     * @return the attempts ({@code id#attempt}) whose outcome was ours to write
     */
    private Set<String> writeOutcomes(List<Written> written) {
        int n = written.size();
        String[] ids = new String[n];
        Integer[] attempts = new Integer[n];
        String[] statuses = new String[n];
        String[] nextAttempts = new String[n];
        String[] completed = new String[n];
        String[] attemptedAt = new String[n];
        Integer[] statusCodes = new Integer[n];
        Integer[] durations = new Integer[n];
        String[] errors = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            Written write = written.get(i);
            Outcome outcome = write.outcome();
            AttemptResult result = outcome.result();
            ids[i] = outcome.delivery().id();
            attempts[i] = outcome.delivery().attempt();
            statuses[i] = write.status().name();
            nextAttempts[i] = write.nextAttemptAt() == null ? null : write.nextAttemptAt().toString();
            completed[i] = write.nextAttemptAt() == null ? outcome.finishedAt().toString() : null;
            attemptedAt[i] = outcome.attemptedAt().toString();
            statusCodes[i] = result == null ? null : result.statusCode();
            durations[i] = result == null ? null : (int) Math.min(Integer.MAX_VALUE, result.durationMillis());
            errors[i] = result == null ? outcome.canceledBecause() : result.error();
            bodies[i] = result == null ? null : result.responseBody();
        }
        List<String> ours = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    with outcome as (
                        select * from unnest(?::text[], ?::int[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                                             ?::timestamptz[], ?::int[], ?::int[], ?::text[], ?::text[])
                            as o (id, attempt, status, next_attempt_at, completed_at, attempted_at, status_code,
                                  duration_ms, error, response_body)),
                    logged as (
                        insert into delivery_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms,
                                                       error, response_body, sent_by)
                        select id, attempt, attempted_at, status_code, duration_ms, error, response_body, ?
                        from outcome where status <> 'CANCELED'
                        on conflict do nothing)
                    update deliveries d
                    set status = o.status, next_attempt_at = o.next_attempt_at, claimed_until = null,
                        completed_at = o.completed_at, last_error = o.error,
                        last_attempt_at = case when o.status = 'CANCELED' then d.last_attempt_at
                                               else o.attempted_at end,
                        last_status_code = case when o.status = 'CANCELED' then d.last_status_code
                                                else o.status_code end
                    from outcome o
                    where d.id = o.id and d.attempts = o.attempt
                    returning d.id || '#' || d.attempts""");
            statement.setArray(1, connection.createArrayOf("text", ids));
            statement.setArray(2, connection.createArrayOf("int4", attempts));
            statement.setArray(3, connection.createArrayOf("text", statuses));
            statement.setArray(4, connection.createArrayOf("text", nextAttempts));
            statement.setArray(5, connection.createArrayOf("text", completed));
            statement.setArray(6, connection.createArrayOf("text", attemptedAt));
            statement.setArray(7, connection.createArrayOf("int4", statusCodes));
            statement.setArray(8, connection.createArrayOf("int4", durations));
            statement.setArray(9, connection.createArrayOf("text", errors));
            statement.setArray(10, connection.createArrayOf("text", bodies));
            statement.setString(11, nodeName);
            return statement;
        }, (rs, i) -> rs.getString(1));
        return new HashSet<>(ours);
    }

    /**
     * Since when the target has failed, this failure included. A target that keeps failing is tried at least once per
     * {@link RetrySchedule#longestWait()} while any of its deliveries waits for a retry; a failure that comes more than
     * twice that (and at least {@link #MIN_STREAK_GAP}: claims and timeouts add their own time) after the one before,
     * the target having had nothing to send meanwhile, starts the failing period afresh, so days without deliveries
     * never count as days of failure.
     */
    private Instant failingSince(QueuedDelivery delivery, Instant failedAt) {
        return jdbc.queryForObject("""
                insert into delivery_targets (kind, target_id, failing_since, last_failed_at) values (?, ?, ?, ?)
                on conflict (kind, target_id) do update
                set failing_since = case
                        when delivery_targets.failing_since is not null
                         and (delivery_targets.last_failed_at is null
                              or delivery_targets.last_failed_at
                                 >= excluded.last_failed_at - ? * interval '1 millisecond')
                        then delivery_targets.failing_since
                        else excluded.failing_since end,
                    last_failed_at = greatest(delivery_targets.last_failed_at, excluded.last_failed_at)
                returning failing_since""", (rs, i) -> rs.getTimestamp(1).toInstant(), delivery.kind(),
                delivery.targetId(), Timestamp.from(failedAt), Timestamp.from(failedAt), streakGap.toMillis());
    }

    /**
     * Tells the delivery's kind, in a transaction of its own, so that a failure there (logged; the next failed
     * attempt tries again) cannot undo the outcomes written with it. The target's failures then count afresh.
     */
    private void giveUp(GiveUp giveUp) {
        QueuedDelivery delivery = giveUp.delivery();
        try {
            transactions.executeWithoutResult(status -> {
                kinds.get(delivery.kind()).giveUp(delivery, giveUp.failure(), giveUp.failingSince(), giveUp.detail());
                jdbc.update(FORGET_FAILURES, delivery.kind(), delivery.targetId());
            });
        } catch (RuntimeException e) {
            log.warn("Could not give up on {} {} ({})", delivery.kind(), delivery.targetId(), giveUp.failure(), e);
        }
    }
}
