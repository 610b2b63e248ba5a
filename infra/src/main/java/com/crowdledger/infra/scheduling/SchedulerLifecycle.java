package com.crowdledger.infra.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the scheduler last, once Axon's processors and the web server run, and stops it first when the application
 * shuts down. A deadline that fired while Axon shuts down would apply its events after the subscribing projections
 * were unsubscribed, and a read model would miss them; so polling ends, and running executions finish (for at most
 * {@code db-scheduler.shutdown-max-wait}), before any other component stops. An execution cut off by that limit, or
 * by a crash, is picked up again by another node once its heartbeats are missed.
 *
 * <p>Being the {@link DbSchedulerStarter}, it replaces the starter's own, which would start polling as soon as the
 * bean exists.
 */
@Component
class SchedulerLifecycle implements SmartLifecycle, DbSchedulerStarter {
    private final Scheduler scheduler;
    private volatile boolean running;

    SchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void doStart() {
        start();
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The highest phase: started after, and stopped before, every other lifecycle (web server, Axon). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
