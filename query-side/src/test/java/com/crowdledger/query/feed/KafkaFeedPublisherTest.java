package com.crowdledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** The at-least-once rule: a batch commits (and the processor's token moves) only once Kafka acknowledged it all. */
class KafkaFeedPublisherTest {
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaFeedPublisher publisher = new KafkaFeedPublisher(producer,
            new FeedRecords("crowdledger", FeedRecordsTest.JSON), Duration.ofSeconds(5));

    private static EventMessage<?> event(String keyId, long sequence) {
        return new GenericDomainEventMessage<>("ApiKey", keyId, sequence, FeedRecordsTest.issued(keyId));
    }

    @Test
    void batchCommitsOnceKafkaAcknowledgedEveryEvent() {
        List<String> committed = new ArrayList<>();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event("key_1", 0));
        batch.afterCommit(uow -> committed.add("token stored"));
        publisher.publish(event("key_1", 0));
        publisher.publish(event("key_2", 0));
        assertThat(producer.history()).hasSize(2);
        assertThat(producer.completeNext()).isTrue(); // the other one is still in flight

        batch.commit();

        assertThat(committed).containsExactly("token stored");
        assertThat(producer.flushed()).isTrue();
    }

    @Test
    void batchRollsBackWhenKafkaRefusesOneEvent() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event("key_1", 0));
        publisher.publish(event("key_1", 0));
        publisher.publish(event("key_2", 0));
        producer.completeNext();
        producer.errorNext(new TimeoutException("no broker"));

        assertThatThrownBy(batch::commit)
                .isInstanceOf(KafkaFeedPublisher.KafkaFeedException.class)
                .hasMessageContaining("1 of 2 events not acknowledged")
                .rootCause().hasMessage("no broker");
        assertThat(batch.isRolledBack()).isTrue();
    }

    @Test
    void failureInsideTheHandlerIsNotSwallowedButFailsTheBatch() {
        producer.sendException = new IllegalStateException("buffer exhausted");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event("key_1", 0));

        publisher.publish(event("key_1", 0)); // does not throw: Axon's default handler error policy only logs

        assertThatThrownBy(batch::commit)
                .isInstanceOf(KafkaFeedPublisher.KafkaFeedException.class)
                .rootCause().hasMessage("buffer exhausted");
        assertThat(batch.isRolledBack()).isTrue();
    }

    @Test
    void onceOneSendFailedTheRestOfTheBatchIsNotSentButFailsToo() {
        producer.sendException = new IllegalStateException("no metadata");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event("key_1", 0));
        publisher.publish(event("key_1", 0));
        producer.sendException = null;

        publisher.publish(event("key_2", 0));
        publisher.publish(event("key_3", 0));

        assertThat(producer.history()).isEmpty();
        assertThatThrownBy(batch::commit).hasMessageContaining("3 of 3 events not acknowledged");
    }

    @Test
    void eventThatCannotBeSerializedIsNotSkipped() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event("key_1", 0));

        publisher.publish(new GenericDomainEventMessage<>("ApiKey", "key_1", 0, new Object()));

        assertThatThrownBy(batch::commit).isInstanceOf(KafkaFeedPublisher.KafkaFeedException.class);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void closingThePublisherClosesTheProducer() {
        publisher.close();

        assertThat(producer.closed()).isTrue();
    }
}
