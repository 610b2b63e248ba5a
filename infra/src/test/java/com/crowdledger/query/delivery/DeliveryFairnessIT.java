package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.IntegrationTest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four accounts with older backlogs to slow endpoints would hold a node's whole claim room, refilling it each time
 * one of their deliveries ends, and another account's due delivery would never be claimed: the room's last half
 * workers' worth is for accounts holding nothing. The node's own engine is stopped; the test drives the real claim
 * SQL ({@link DeliveryQueue}) with the real {@link ClaimBudget}, finishing one held delivery at a time as a 15 s
 * timeout would.
 */
class DeliveryFairnessIT extends IntegrationTest {
    private static final int WORKERS = 32;
    private static final int PER_TARGET = 4;

    @Autowired
    Deliveries engine;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void busyAccountsWithOldBacklogsDoNotKeepAnotherAccountsDeliveryWaiting() {
        engine.stop();
        try {
            int row = 0;
            for (int a = 1; a <= 4; a++) {
                for (int i = 0; i < 300; i++) {
                    insert("del_att" + row, "acct_attacker" + a, "whk_a" + a + "_" + (i % 16), "evt_" + row,
                            "now() - interval '10 minutes' + make_interval(secs => " + (row * 0.001) + ")");
                    row++;
                }
            }
            insert("del_victim", "acct_victim", "whk_victim", "evt_victim", "now() - interval '1 minute'");

            ClaimBudget budget = new ClaimBudget(WORKERS, PER_TARGET);
            Deque<QueuedDelivery> held = new ArrayDeque<>();
            List<String> claimedIds = new ArrayList<>();
            for (int round = 0; round < 300; round++) {
                ClaimBudget.Room room = budget.room();
                List<QueuedDelivery> batch = room.total() > 0
                        ? queue.claim(room.total(), room.queue(), Duration.ofHours(1), true) : List.of();
                budget.accept(batch, room);
                batch.forEach(d -> claimedIds.add(d.id()));
                held.addAll(batch);
                // the oldest held attempt times out and is recorded (here: given up, so it is not due again)
                QueuedDelivery done = held.poll();
                if (done != null) {
                    jdbc.update("update deliveries set status = 'FAILED' where id = ?", done.id());
                    budget.finished(done);
                }
            }
            assertThat(claimedIds).hasSizeGreaterThan(300);
            assertThat(claimedIds).as("a fifth account's due delivery must not wait behind four others' backlog")
                    .contains("del_victim");
        } finally {
            jdbc.update("delete from deliveries where account_id like 'acct_attacker%' or account_id = 'acct_victim'");
            engine.start();
        }
    }

    private void insert(String id, String account, String target, String event, String dueAt) {
        jdbc.update("insert into deliveries (id, kind, target_id, account_id, mode, event_id, event_type, payload, "
                + "status, next_attempt_at, created_at) values (?, 'webhook', ?, ?, 'LIVE', ?, 'x', '{}', 'PENDING', "
                + dueAt + ", now())", id, target, account, event);
    }
}
