package com.crowdledger.infra.admin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds one read model from the event store in a single transaction, while the API keeps serving:
 * <ol>
 *   <li>lock its tables in EXCLUSIVE mode: readers go on reading the old rows, writers (the projection running in
 *       a command's transaction) wait;</li>
 *   <li>reset it (its {@code @ResetHandler} empties it) and replay every stored event through its handlers, in units
 *       of work of {@value #CHUNK} events, as a tracking processor hands them over in batches (a projection that
 *       gathers a batch's writes and makes them when its unit of work commits works the same in both);</li>
 *   <li>commit: readers switch to the rebuilt rows at once, and waiting writers apply their event on top.</li>
 * </ol>
 * An event whose command committed before the lock is in the replay; one still uncommitted waits at the lock and
 * is applied after it, so nothing is lost or applied twice.
 */
@Service
class ReadModelRebuild {
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int CHUNK = 500;

    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager entityManager;

    ReadModelRebuild(EventStorageEngine events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    record Result(String readModel, long eventsReplayed, long millis) {
    }

    @Transactional
    public Result rebuild(ReadModels.ReadModel readModel) throws Exception {
        long started = System.nanoTime();
        for (String table : readModel.tables()) {
            jdbc.execute("lock table " + table + " in exclusive mode");
        }
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(readModel.projection());
        handlers.prepareReset();
        long replayed = 0;
        List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (handlers.canHandle(event)) {
                    chunk.add(event);
                }
                if (chunk.size() == CHUNK || (!iterator.hasNext() && !chunk.isEmpty())) {
                    replay(handlers, chunk);
                    replayed += chunk.size();
                    chunk.clear();
                    entityManager.flush();
                    entityManager.clear();
                }
            }
        }
        Result result = new Result(readModel.name(), replayed,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        log.info("Rebuilt read model {} from {} events in {} ms", result.readModel(), replayed, result.millis());
        return result;
    }

    /** One unit of work of the replay; it joins the rebuild's transaction, which a failure rolls back. */
    private static void replay(AnnotationEventHandlerAdapter handlers, List<TrackedEventMessage<?>> chunk)
            throws Exception {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(chunk));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> handlers.handle(unitOfWork.getMessage()),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
        }
    }
}
