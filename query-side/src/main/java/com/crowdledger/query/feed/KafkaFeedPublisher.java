package com.crowdledger.query.feed;

import com.crowdledger.shared.processing.Tracking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Publishes every event to Kafka, at least once.
 *
 * <p>Its own tracking processor ({@value #PROCESSING_GROUP}): publishing never slows a command,
 * and the processor's token in PostgreSQL says how far the feed got, across restarts.
 *
 * <p>Sends are asynchronous within a batch; before the batch's unit of work commits (and with it the token), the
 * producer is flushed and every send must be acknowledged by Kafka (acks=all). If one is not, the unit of work
 * rolls back, the token stays where it was, and the processor retries the batch after a back-off: no event is
 * skipped, and a consumer may see an event twice (the {@code event-id} header tells). A failure is never thrown
 * from the handler itself, where Axon's default error handler would only log it and move on.
 */
@Tracking(batchSize = 100)
@ProcessingGroup(KafkaFeedPublisher.PROCESSING_GROUP)
class KafkaFeedPublisher {
    static final String PROCESSING_GROUP = "kafka-feed";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final String PENDING_SENDS = KafkaFeedPublisher.class.getName() + ".pendingSends";

    private final Producer<String, byte[]> producer;
    private final FeedRecords records;
    private final Duration ackTimeout;

    KafkaFeedPublisher(Producer<String, byte[]> producer, FeedRecords records, Duration ackTimeout) {
        this.producer = producer;
        this.records = records;
        this.ackTimeout = ackTimeout;
    }

    /** On shutdown, after Axon stopped the processors: sends still in flight get a few seconds to finish. */
    void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    @EventHandler
    void publish(EventMessage<?> event) {
        PendingSends pending = pendingSendsOfThisBatch();
        if (pending.failure() != null) {
            // the batch will be retried anyway: do not spend up to max.block.ms per event on an absent broker
            pending.add(event.getIdentifier(), CompletableFuture.failedFuture(pending.failure()));
            return;
        }
        try {
            pending.add(event.getIdentifier(), producer.send(records.toRecord(event), pending::completed));
        } catch (RuntimeException e) {
            pending.completed(null, e);
            pending.add(event.getIdentifier(), CompletableFuture.failedFuture(e));
        }
    }

    /** One list per unit of work (a tracking processor's batch), awaited once when the batch is about to commit. */
    private PendingSends pendingSendsOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, name -> {
            PendingSends pending = new PendingSends();
            unitOfWork.onPrepareCommit(uow -> pending.awaitAcknowledgements());
            return pending;
        });
    }

    private final class PendingSends {
        private final List<String> eventIds = new ArrayList<>();
        private final List<Future<RecordMetadata>> sends = new ArrayList<>();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        /** Producer callback (on its I/O thread): remembers the first failure of the batch. */
        void completed(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
            }
        }

        Exception failure() {
            return firstFailure.get();
        }

        void add(String eventId, Future<RecordMetadata> send) {
            eventIds.add(eventId);
            sends.add(send);
        }

        void awaitAcknowledgements() {
            producer.flush();
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            KafkaFeedException failure = null;
            int failed = 0;
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    failed++;
                    if (failure == null) {
                        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                        failure = new KafkaFeedException("Kafka did not acknowledge event " + eventIds.get(i), cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaFeedException("Interrupted while waiting for Kafka", e);
                }
            }
            if (failure != null) {
                throw new KafkaFeedException(failed + " of " + sends.size()
                        + " events not acknowledged by Kafka; the batch will be retried", failure);
            }
        }
    }

    /** A batch the feed could not publish; thrown before its token is stored, so the batch is retried. */
    static final class KafkaFeedException extends RuntimeException {
        KafkaFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
