package com.crowdledger.query.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what attempts got: the attempt's log row, the delivery's new state (done, or due again on the retry
 * schedule), and the target's health; then gives up on targets that answered 410 Gone or kept failing. Outcomes
 * queue up and one thread writes them, as many as are waiting in one transaction, so a busy node does not pay a
 * commit per delivery.
 *
 * <p>An outcome is written only by the node that holds its attempt ({@code where attempts = :attempt}): if the
 * claim lapsed and another node made the attempt again, the late outcome is logged but changes nothing. A write
 * that fails is retried; outcomes still unwritten when the node dies are lost with it, and their deliveries are
 * tried again when their claims lapse (at least once, with the same webhook-id).
 */
class DeliveryRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);
    private static final int MAX_BATCH = 200;

    /** What one attempt came to: {@code result} null when it was canceled before any request. */
    record Outcome(QueuedDelivery delivery, Instant attemptedAt, AttemptResult result, String canceledBecause) {
    }

    private record GiveUp(QueuedDelivery delivery, DeliveryKind.TargetFailure failure, Instant failingSince,
                          String detail) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RetrySchedule schedule;
    private final Duration disableAfter;
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
                waiting.drainTo(batch, MAX_BATCH - 1);
                writeUntilDone(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
        List<Object[]> attempts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> cancels = new ArrayList<>();
        List<Outcome> updated = new ArrayList<>();
        List<Outcome> canceled = new ArrayList<>();
        for (Outcome outcome : batch) {
            QueuedDelivery delivery = outcome.delivery();
            if (outcome.result() == null) {
                cancels.add(new Object[] {Timestamp.from(outcome.attemptedAt()), outcome.canceledBecause(),
                        delivery.id(), delivery.attempt()});
                canceled.add(outcome);
                continue;
            }
            AttemptResult result = outcome.result();
            Instant finishedAt = outcome.attemptedAt().plusMillis(result.durationMillis());
            attempts.add(new Object[] {delivery.id(), delivery.attempt(), Timestamp.from(outcome.attemptedAt()),
                    result.statusCode(), (int) Math.min(Integer.MAX_VALUE, result.durationMillis()), result.error(),
                    result.responseBody(), nodeName});
            Optional<Instant> next = result.succeeded() || result.gone() ? Optional.empty()
                    : schedule.nextAfter(delivery.attempt(), finishedAt);
            DeliveryStatus status = result.succeeded() ? DeliveryStatus.SUCCEEDED
                    : next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
            updates.add(new Object[] {status.name(), next.map(Timestamp::from).orElse(null),
                    next.isPresent() ? null : Timestamp.from(finishedAt), Timestamp.from(outcome.attemptedAt()),
                    result.statusCode(), result.error(), delivery.id(), delivery.attempt()});
            updated.add(outcome);
        }
        jdbc.batchUpdate("""
                insert into delivery_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, error,
                                               response_body, sent_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", attempts);
        int[] stillOurs = jdbc.batchUpdate("""
                update deliveries set status = ?, next_attempt_at = ?, claimed_until = null, completed_at = ?,
                                      last_attempt_at = ?, last_status_code = ?, last_error = ?
                where id = ? and attempts = ?""", updates);
        int[] canceledOurs = jdbc.batchUpdate("""
                update deliveries set status = 'CANCELED', next_attempt_at = null, claimed_until = null,
                                      completed_at = ?, last_error = ?
                where id = ? and attempts = ?""", cancels);
        for (int i = 0; i < canceled.size(); i++) {
            if (canceledOurs[i] > 0) {
                metrics.outcome(canceled.get(i).delivery().kind(), "canceled");
            }
        }
        List<GiveUp> giveUps = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < updated.size(); i++) {
            if (stillOurs[i] == 0) {
                continue; // the claim lapsed and another node took the delivery over: its outcome counts
            }
            Outcome outcome = updated.get(i);
            QueuedDelivery delivery = outcome.delivery();
            AttemptResult result = outcome.result();
            if (result.succeeded()) {
                healthy.add(delivery.targetKey());
                metrics.outcome(delivery.kind(), "succeeded");
                metrics.delivered(delivery.kind(), Duration.between(delivery.createdAt(),
                        outcome.attemptedAt().plusMillis(result.durationMillis())));
                continue;
            }
            Instant failingSince = failingSince(delivery, outcome.attemptedAt());
            if (result.gone()) {
                metrics.outcome(delivery.kind(), "gone");
                giveUps.add(new GiveUp(delivery, DeliveryKind.TargetFailure.GONE, failingSince, "answered 410 Gone"));
            } else {
                metrics.outcome(delivery.kind(), updates.get(i)[0].equals(DeliveryStatus.PENDING.name()) ? "retrying" : "failed");
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

    /** Since when the target has failed, this failure included. */
    private Instant failingSince(QueuedDelivery delivery, Instant failedAt) {
        return jdbc.queryForObject("""
                insert into delivery_targets (kind, target_id, failing_since) values (?, ?, ?)
                on conflict (kind, target_id) do update
                set failing_since = coalesce(delivery_targets.failing_since, excluded.failing_since)
                returning failing_since""", (rs, i) -> rs.getTimestamp(1).toInstant(), delivery.kind(),
                delivery.targetId(), Timestamp.from(failedAt));
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
                jdbc.update("update delivery_targets set failing_since = null where kind = ? and target_id = ?",
                        delivery.kind(), delivery.targetId());
            });
        } catch (RuntimeException e) {
            log.warn("Could not give up on {} {} ({})", delivery.kind(), delivery.targetId(), giveUp.failure(), e);
        }
    }
}
