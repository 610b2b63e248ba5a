package com.crowdledger.query.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the deliveries this node claims: one claiming thread and a pool of {@code workers} sending threads. How much
 * a claim may take, per target and per account, and when to claim again is the {@link ClaimBudget}'s: a slow or
 * dead endpoint ties up {@code concurrencyPerTarget} workers and never the rest, and one account at most half of
 * them. The claimer claims when the budget says so, when told that something was queued or made due on this node
 * ({@link #wake}), and at least every {@code pollInterval}, which is also how retries come due and how a node picks
 * up what other nodes queued. When it knows which targets have deliveries due, because this node queued them or half
 * of what it held of a target is done, it claims those targets alone ({@link DeliveryQueue#claimTargets}); when and
 * what it claims is the {@link ClaimSchedule}'s. The deliveries of one claim to one target share one read of that
 * target.
 */
class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final OutboundHttp http;
    private final DeliveryRecorder recorder;
    private final Map<String, DeliveryKind> kinds;
    private final DeliveryMetrics metrics;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration timeout;
    private final ExecutorService senders;
    private final Thread claimer;
    /** Guarded by this. */
    private final ClaimBudget budget;
    /** Guarded by this: each claimed delivery's target, read once per claim and target. */
    private final Map<String, TargetOfClaim> targetOf = new HashMap<>();
    /** Guarded by this. */
    private final ClaimSchedule schedule;
    private volatile boolean running = true;

    DeliveryWorker(DeliveryQueue queue, OutboundHttp http, DeliveryRecorder recorder, Map<String, DeliveryKind> kinds,
                   DeliveryMetrics metrics, DeliverySettings settings) {
        this.queue = queue;
        this.http = http;
        this.recorder = recorder;
        this.kinds = kinds;
        this.metrics = metrics;
        int workers = settings.workers();
        this.budget = new ClaimBudget(workers, settings.concurrencyPerTarget());
        this.pollInterval = settings.pollInterval();
        this.schedule = new ClaimSchedule(pollInterval, System.nanoTime());
        this.lease = settings.claimLease();
        this.timeout = settings.timeout();
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "delivery-sender-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.claimer = new Thread(this::claimWhileRunning, "delivery-claimer");
        claimer.setDaemon(true);
        claimer.start();
    }

    /** Something is due now (retried on this node): claim every target's due rows without waiting for the poll. */
    synchronized void wake() {
        schedule.everyTarget(true);
        notifyAll();
    }

    /** These targets have deliveries due now (queued on this node): claim them without waiting for the poll. */
    synchronized void wake(Collection<DeliveryTarget> targets) {
        schedule.targets(targets);
        notifyAll();
    }

    /** Stops claiming, lets the attempts being made finish (their timeout at most), then records them. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        wake();
        claimer.join(TimeUnit.SECONDS.toMillis(10));
        senders.shutdown();
        if (!senders.awaitTermination(timeout.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
    }

    private void claimWhileRunning() {
        while (running) {
            try {
                ClaimSchedule.Claim claim = awaitClaim();
                if (claim == null) {
                    return;
                }
                ClaimBudget.Room room;
                synchronized (this) {
                    room = budget.room();
                }
                List<QueuedDelivery> batch = room.total() <= 0 ? List.of()
                        : claim.everyTarget() ? queue.claim(room.total(), room.queue(), lease, claim.lookBehind())
                        : queue.claimTargets(claim.targets(), room.total(), room.queue(), lease);
                accept(batch, room, claim);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not claim deliveries; trying again in {}", pollInterval, e);
                sleepQuietly();
                synchronized (this) {
                    schedule.everyTarget(false);
                }
            }
        }
    }

    /** The next claim to make, once there is one; null when the worker is closing. */
    private synchronized ClaimSchedule.Claim awaitClaim() throws InterruptedException {
        while (running) {
            long now = System.nanoTime();
            ClaimSchedule.Claim claim = schedule.next(now);
            if (claim != null) {
                return claim;
            }
            TimeUnit.NANOSECONDS.timedWait(this, schedule.nanosToPoll(now));
        }
        return null;
    }

    private synchronized void accept(List<QueuedDelivery> batch, ClaimBudget.Room room, ClaimSchedule.Claim claim) {
        ClaimBudget.Accepted accepted = claim.everyTarget() ? budget.accept(batch, room)
                : budget.acceptTargeted(batch, room, claim.targets());
        Map<String, TargetOfClaim> ofThisClaim = new HashMap<>();
        for (QueuedDelivery delivery : batch) {
            targetOf.put(delivery.id(), ofThisClaim.computeIfAbsent(delivery.targetKey(),
                    key -> new TargetOfClaim(kinds.get(delivery.kind()), delivery)));
        }
        accepted.toSend().forEach(delivery -> senders.execute(() -> attempt(delivery)));
        if (accepted.claimAgain()) {
            schedule.everyTarget(false);
        }
        schedule.targets(accepted.topUps());
    }

    private synchronized TargetOfClaim targetOf(QueuedDelivery delivery) {
        return targetOf.get(delivery.id());
    }

    private synchronized void finished(QueuedDelivery delivery) {
        targetOf.remove(delivery.id());
        ClaimBudget.Finished finished = budget.finished(delivery);
        if (finished.next() != null) {
            QueuedDelivery next = finished.next();
            senders.execute(() -> attempt(next));
        }
        if (finished.claimAgain()) {
            schedule.everyTarget(false);
            notifyAll();
        }
        if (finished.topUp() != null) {
            wake(List.of(finished.topUp()));
        }
    }

    private void attempt(QueuedDelivery delivery) {
        try {
            DeliveryKind kind = kinds.get(delivery.kind());
            if (kind == null) {
                // a node of an older release: leave it to the nodes that know the kind once the claim lapses
                log.warn("No delivery kind {} on this node; delivery {} is left to other nodes", delivery.kind(),
                        delivery.id());
                return;
            }
            Instant now = Instant.now();
            DeliveryKind.Prepared prepared;
            try {
                prepared = targetOf(delivery).get().prepare(delivery, now);
            } catch (RuntimeException e) {
                log.warn("Could not prepare delivery {}", delivery.id(), e);
                recorder.record(new DeliveryRecorder.Outcome(delivery, now,
                        AttemptResult.noAnswer(0, "internal error before sending; it will be tried again"), null));
                return;
            }
            if (prepared.request() == null) {
                recorder.record(new DeliveryRecorder.Outcome(delivery, now, null, prepared.canceledBecause()));
                return;
            }
            AttemptResult result = http.send(prepared.request());
            metrics.attempt(delivery.kind(), result.durationMillis());
            recorder.record(new DeliveryRecorder.Outcome(delivery, now, result, null));
        } finally {
            finished(delivery);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A claim's target, read when the first of its deliveries is attempted; a read that failed is tried again. */
    private static final class TargetOfClaim {
        private final DeliveryKind kind;
        private final QueuedDelivery first;
        private DeliveryKind.Target target;

        TargetOfClaim(DeliveryKind kind, QueuedDelivery first) {
            this.kind = kind;
            this.first = first;
        }

        synchronized DeliveryKind.Target get() {
            if (target == null) {
                target = kind.target(first);
            }
            return target;
        }
    }
}
