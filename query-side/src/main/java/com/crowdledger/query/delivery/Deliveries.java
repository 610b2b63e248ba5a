package com.crowdledger.query.delivery;

import com.crowdledger.query.batching.UnitOfWorkBatch;
import com.crowdledger.shared.net.SsrfGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound delivery engine of this node, and what features use of it: {@link #queue} deliveries of their
 * {@link DeliveryKind}, {@link #retryNow} one. Started after the rest of the application (Axon's processors, the web
 * server) and stopped before it, so no attempt runs against a half-stopped application; attempts being made when it
 * stops get their timeout to finish, and their outcomes are written.
 */
@Component
public class Deliveries implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final String BATCH = Deliveries.class.getName() + ".batch";

    private final DeliveryQueue queue;
    private final DeliverySettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, DeliveryKind> kinds;
    private final DeliveryMetrics metrics;
    private final String nodeName;
    private OutboundHttp http;
    private DeliveryRecorder recorder;
    private volatile DeliveryWorker worker;

    Deliveries(DeliveryQueue queue, DeliverySettings settings, JdbcTemplate jdbc, TransactionTemplate transactions,
               List<DeliveryKind> kinds, DeliveryMetrics metrics, Environment environment) {
        this.queue = queue;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(DeliveryKind::name, Function.identity()));
        this.metrics = metrics;
        this.nodeName = environment.getProperty("db-scheduler.scheduler-name", hostName());
    }

    /**
     * Forgets, in the caller's transaction, since when the target has failed: its owner changed or re-enabled it, so
     * its next failure starts the count towards giving it up afresh.
     */
    public void restartFailures(String kind, String targetId) {
        jdbc.update(DeliveryRecorder.FORGET_FAILURES, kind, targetId);
    }

    /**
     * Queues deliveries in the caller's transaction (one already queued for its target and event is left alone);
     * this node starts on them as soon as that transaction commits, the others at their next poll. Within a unit of
     * work (a dispatcher's batch of events) they are queued with the rest of the batch, in one statement just before
     * it commits: a statement, and a wake of this node's claimer, per batch instead of per event. The claimer is told
     * which targets the deliveries are for, and claims those alone.
     */
    public void queue(Collection<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWorkBatch.current(BATCH, ArrayList<NewDelivery>::new, this::queueNow).addAll(deliveries);
        } else {
            queueNow(deliveries);
        }
    }

    private void queueNow(Collection<NewDelivery> deliveries) {
        queue.enqueue(deliveries);
        Set<DeliveryTarget> targets = deliveries.stream().map(NewDelivery::target).collect(Collectors.toSet());
        afterCommit(() -> ifRunning(running -> running.wake(targets)));
    }

    /**
     * Makes a delivery due now for another attempt with the same event id, whatever its state, unless an attempt is
     * being made right now.
     *
     * @return false when an attempt is in progress
     */
    public boolean retryNow(String deliveryId) {
        boolean due = queue.retryNow(deliveryId);
        if (due) {
            afterCommit(() -> ifRunning(DeliveryWorker::wake));
        }
        return due;
    }

    @Override
    public synchronized void start() {
        if (settings.allowPrivateNetworks()) {
            log.warn("crowdledger.webhooks.allow-private-networks is on: deliveries may go to loopback and private "
                    + "addresses and over plain http. Never in production.");
        }
        http = new OutboundHttp(new SsrfGuard(settings.allowPrivateNetworks()), settings.timeout(), settings.workers());
        recorder = new DeliveryRecorder(jdbc, transactions, new RetrySchedule(settings.retryDelays()),
                settings.disableAfter(), kinds, metrics, nodeName);
        worker = new DeliveryWorker(queue, http, recorder, kinds, metrics, settings);
    }

    @Override
    public synchronized void stop() {
        DeliveryWorker running = worker;
        worker = null;
        try {
            running.close();
            recorder.close();
            http.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            log.debug("Closing the delivery HTTP client", e);
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** After the scheduler stops (the highest phase), before the web server and Axon. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    /** Runs {@code then} once the caller's transaction commits, or now outside one. */
    private static void afterCommit(Runnable then) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    then.run();
                }
            });
        } else {
            then.run();
        }
    }

    /** Tells this node's worker, unless the engine is stopped. */
    private void ifRunning(Consumer<DeliveryWorker> tell) {
        DeliveryWorker running = worker;
        if (running != null) {
            tell.accept(running);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
