package com.crowdledger.infra.axon;

import com.crowdledger.shared.SchemaRevision;
import java.util.function.Function;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How stored events evolve. Every event is stored with its revision ({@link SchemaRevision} on the event record,
 * else "1"). Reading goes through Axon's upcaster chain: every {@link EventUpcaster} bean is in it, in
 * {@code @Order}. A feature that changes an event's shape raises its revision and adds a bean upcasting from the
 * previous revision (a {@link SingleEventUpcaster} beside the feature's aggregate); the golden files of
 * {@code GoldenEventsTest} prove that what was stored before still reads.
 *
 * <p>A snapshotted aggregate's snapshot is stored with the aggregate's Axon {@link Revision}: Axon uses a snapshot
 * only when that revision is the aggregate's current one.
 */
@Configuration(proxyBeanMethods = false)
class EventRevisions {
    static final String FIRST = "1";

    @Bean
    RevisionResolver revisionResolver() {
        return type -> {
            SchemaRevision revision = type.getAnnotation(SchemaRevision.class);
            if (revision != null) {
                return revision.value();
            }
            Revision aggregateRevision = type.getAnnotation(Revision.class);
            return aggregateRevision == null ? FIRST : aggregateRevision.value();
        };
    }

    /** Events stored before revisions were written (revision null) are revision 1: upcasters then match on "1". */
    @Bean
    EventUpcaster unrevisionedEventsAreRevisionOne() {
        return new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation event) {
                return event.getType().getRevision() == null;
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
                return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), FIRST), byte[].class,
                        Function.identity());
            }
        };
    }
}
