package com.crowdledger.command.snapshot;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;

/**
 * Snapshots of the aggregates whose event streams grow without end: a conversation gains an event per message, a
 * billing account one per charge. Without them, every command replays the aggregate's whole history, so a command
 * costs more the longer the aggregate has lived (a busy conversation, a busy account). With them, a command replays
 * the last snapshot and at most {@value #EVENTS_BETWEEN_SNAPSHOTS} events.
 *
 * <p>An aggregate opts in with {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)}, Axon's
 * {@code @Revision} (raised whenever its fields change: a snapshot of another revision is ignored, and the aggregate
 * is replayed from its events) and its fields visible to Jackson, which stores the snapshot as JSON.
 *
 * <p>Snapshots are taken after the command commits, by one thread of their own, in transactions of their own: a
 * command's answer never waits for one, and many aggregates reaching their count at once (a busy minute) take one
 * core at most. A snapshot that fails, or is dropped because too many are waiting, changes nothing but the length
 * of a later load: the next count triggers another.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateSnapshots {
    /** The bean an aggregate names to be snapshotted. */
    public static final String TRIGGER = "snapshotEveryFewEvents";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 20;
    private static final int WAITING_SNAPSHOTS = 10_000;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition snapshotEveryFewEvents(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }

    /** Axon's snapshotter as its auto-configuration makes it, with the snapshots' own thread. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory, SnapshotThread thread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(thread.executor)
                .build();
    }

    @Bean(destroyMethod = "close")
    SnapshotThread snapshotThread() {
        return new SnapshotThread();
    }

    /**
     * The thread that takes snapshots, with room for {@value #WAITING_SNAPSHOTS} waiting. Not an {@code Executor}
     * bean: one would take the place of Spring's own task executor.
     */
    static final class SnapshotThread implements AutoCloseable {
        private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING_SNAPSHOTS), task -> {
                    Thread thread = new Thread(task, "aggregate-snapshots");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());

        @Override
        public void close() {
            executor.shutdown();
        }
    }
}
