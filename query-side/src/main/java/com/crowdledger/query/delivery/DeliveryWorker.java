package com.crowdledger.query.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the deliveries this node claims: one claiming thread and a pool of {@code workers} sending threads.
 *
 * <p>A node keeps at most twice its workers' worth of claimed deliveries, and of one target at most twice
 * {@code concurrencyPerTarget}, of which at most {@code concurrencyPerTarget} are being sent at once; the others wait
 * here for that target's turn, so a slow or dead endpoint ties up that many workers and never the rest. The claimer
 * claims when half of either budget is free (so claims come in batches under load), when told that something was
 * queued or made due on this node ({@link #wake}), and otherwise every {@code pollInterval}, which is also how retries
 * come due and how a node picks up what other nodes queued.
 *
 * <p>One account holds at most half the workers' worth of claimed deliveries, so however many slow endpoints it has
 * (each within its own limit), the other half of the workers is always free for other accounts; its other due
 * deliveries stay in the queue, and claims take accounts in turn.
 */
class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final OutboundHttp http;
    private final DeliveryRecorder recorder;
    private final Map<String, DeliveryKind> kinds;
    private final DeliveryMetrics metrics;
    private final int workers;
    private final int perTarget;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration timeout;
    private final ExecutorService senders;
    private final Thread claimer;

    /** Claimed and not finished, per target ({@code kind:id}); guarded by this. */
    private final Map<String, Target> targets = new HashMap<>();
    /** Claimed and not finished, per account; guarded by this. */
    private final Map<String, Integer> accounts = new HashMap<>();
    /** Accounts a claim stopped at their share: more of theirs may be due; guarded by this. */
    private final Set<String> fullAccounts = new HashSet<>();
    private final int perAccount;
    private int claimed;
    /** The last claim filled all the room there was: more may be due than was claimed. */
    private boolean moreMayBeDue;
    private boolean wakeUp;
    private volatile boolean running = true;

    private static final class Target {
        int claimed;
        int sending;
        /** A claim stopped at this target's limit: more of it may be due. */
        boolean full;
        final ArrayDeque<QueuedDelivery> waiting = new ArrayDeque<>();
    }

    DeliveryWorker(DeliveryQueue queue, OutboundHttp http, DeliveryRecorder recorder, Map<String, DeliveryKind> kinds,
                   DeliveryMetrics metrics, DeliverySettings settings) {
        this.queue = queue;
        this.http = http;
        this.recorder = recorder;
        this.kinds = kinds;
        this.metrics = metrics;
        this.workers = settings.workers();
        this.perTarget = settings.concurrencyPerTarget();
        this.perAccount = Math.max(1, workers / 2);
        this.pollInterval = settings.pollInterval();
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

    /** Something is due now (queued or retried on this node): claim without waiting for the next poll. */
    synchronized void wake() {
        wakeUp = true;
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
                int room;
                Map<String, Integer> targetRoom = new HashMap<>();
                Map<String, Integer> accountRoom = new HashMap<>();
                synchronized (this) {
                    room = 2 * workers - claimed;
                    targets.forEach((key, target) -> targetRoom.put(key, 2 * perTarget - target.claimed));
                    accounts.forEach((account, count) -> accountRoom.put(account, perAccount - count));
                }
                List<QueuedDelivery> batch = room > 0
                        ? queue.claim(room, new QueueRoom(2 * perTarget, targetRoom, perAccount, accountRoom), lease)
                        : List.of();
                accept(batch, room);
                awaitWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not claim deliveries; trying again in {}", pollInterval, e);
                sleepQuietly();
            }
        }
    }

    private synchronized void awaitWork() throws InterruptedException {
        long deadline = System.nanoTime() + pollInterval.toNanos();
        while (!wakeUp && running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        wakeUp = false;
    }

    private synchronized void accept(List<QueuedDelivery> batch, int room) {
        moreMayBeDue = room <= 0 || batch.size() == room;
        for (QueuedDelivery delivery : batch) {
            Target target = targets.computeIfAbsent(delivery.targetKey(), key -> new Target());
            target.claimed++;
            target.full = target.claimed >= 2 * perTarget;
            if (accounts.merge(delivery.accountId(), 1, Integer::sum) >= perAccount) {
                fullAccounts.add(delivery.accountId());
            }
            claimed++;
            if (target.sending < perTarget) {
                target.sending++;
                senders.execute(() -> attempt(delivery));
            } else {
                target.waiting.add(delivery);
            }
        }
    }

    private synchronized void finished(QueuedDelivery delivery) {
        Target target = targets.get(delivery.targetKey());
        target.claimed--;
        int ofAccount = accounts.merge(delivery.accountId(), -1, Integer::sum);
        if (ofAccount == 0) {
            accounts.remove(delivery.accountId());
        }
        claimed--;
        QueuedDelivery next = target.waiting.poll();
        if (next != null) {
            senders.execute(() -> attempt(next));
        } else {
            target.sending--;
        }
        // claim again once half of a budget that was used up is free (so claims come in batches)
        boolean accountHalfFree = ofAccount <= perAccount / 2 && fullAccounts.remove(delivery.accountId());
        boolean wake = (moreMayBeDue && claimed <= workers) || (target.full && target.claimed <= perTarget)
                || accountHalfFree;
        if (target.full && target.claimed <= perTarget) {
            target.full = false;
        }
        if (target.claimed == 0) {
            targets.remove(delivery.targetKey());
        }
        if (wake) {
            moreMayBeDue = false;
            wakeUp = true;
            notifyAll();
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
                prepared = kind.prepare(delivery, now);
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
}
