package com.crowdledger.command.snapshot;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the aggregates whose event streams grow without end: a conversation gains an event per message, a
 * billing account one per charge. Without them, every command replays the aggregate's whole history, so a command
 * costs more the longer the aggregate has lived (a busy conversation, a busy account). With them, a command replays
 * the last snapshot and at most {@value #EVENTS_BETWEEN_SNAPSHOTS} events.
 *
 * <p>An aggregate opts in with {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)}, Axon's
 * {@code @Revision} (raised whenever its fields change: a snapshot of another revision is ignored, and the aggregate
 * is replayed from its events) and its fields visible to Jackson, which stores the snapshot as JSON. Axon takes the
 * snapshot after the command commits, in a transaction of its own; a snapshot that fails changes nothing but the
 * next load's length.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateSnapshots {
    /** The bean an aggregate names to be snapshotted. */
    public static final String TRIGGER = "snapshotEveryFewEvents";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 20;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition snapshotEveryFewEvents(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
