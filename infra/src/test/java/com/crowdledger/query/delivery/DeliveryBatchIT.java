package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.IntegrationTest;
import com.crowdledger.shared.Mode;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a dispatcher queues while its batch of events goes through its handlers is written once, just before the
 * batch's unit of work commits, in its transaction; a batch that is rolled back queues nothing. The node's own engine
 * is stopped, so nothing is claimed meanwhile.
 */
class DeliveryBatchIT extends IntegrationTest {
    @Autowired
    Deliveries engine;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchsDeliveriesAreQueuedTogetherWhenItCommitsAndNotAtAllWhenItRollsBack() {
        engine.stop();
        try {
            transactions.executeWithoutResult(status -> {
                UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
                engine.queue(List.of(delivery("evt_batch1")));
                engine.queue(List.of(delivery("evt_batch2"), delivery("evt_batch1")));   // a repeat: queued once
                assertThat(queued()).as("nothing is written while the batch's events are handled").isZero();
                batch.commit();
                assertThat(queued()).isEqualTo(2);
            });
            assertThat(queued()).isEqualTo(2);

            transactions.executeWithoutResult(status -> {
                UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
                engine.queue(List.of(delivery("evt_batch3")));
                batch.rollback();
            });
            assertThat(queued()).as("a rolled-back batch queues nothing").isEqualTo(2);
        } finally {
            jdbc.update("delete from deliveries where account_id = 'acct_batch'");
            engine.start();
        }
    }

    private int queued() {
        return jdbc.queryForObject("select count(*) from deliveries where account_id = 'acct_batch'", Integer.class);
    }

    private static NewDelivery delivery(String eventId) {
        return new NewDelivery("webhook", "whk_batch", "acct_batch", Mode.LIVE, eventId, "x", "{}", Instant.now());
    }
}
