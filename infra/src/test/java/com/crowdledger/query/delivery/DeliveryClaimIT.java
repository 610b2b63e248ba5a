package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A claim leaves the row's due time as it was and holds the row by {@code claimed_until} alone: while the claim is
 * live no claim takes the row again, and once its lease lapses (the node died) the next claim makes the next attempt.
 * The node's own engine is stopped; the test drives the real claim SQL.
 */
class DeliveryClaimIT extends IntegrationTest {
    private static final QueueRoom ANY_ROOM = new QueueRoom(8, Map.of(), 16, Map.of());

    @Autowired
    Deliveries engine;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClaimedDeliveryIsNotClaimedAgainUntilItsLeaseLapses() {
        engine.stop();
        try {
            jdbc.update("insert into deliveries (id, kind, target_id, account_id, mode, event_id, event_type, payload, "
                    + "status, next_attempt_at, created_at) values ('del_claimlease', 'webhook', 'whk_claimlease', "
                    + "'acct_claimlease', 'LIVE', 'evt_claimlease', 'x', '{}', 'PENDING', now(), now())");

            List<QueuedDelivery> first = claim();
            assertThat(first).extracting(QueuedDelivery::attempt).containsExactly(1);
            assertThat(jdbc.queryForObject("select claimed_until > now() + interval '50 minutes' "
                    + "and next_attempt_at < now() from deliveries where id = 'del_claimlease'", Boolean.class))
                    .as("held by its lease, due time untouched").isTrue();
            assertThat(claim()).as("a live claim is not claimed again").isEmpty();

            jdbc.update("update deliveries set claimed_until = now() - interval '1 second' where id = 'del_claimlease'");
            assertThat(claim()).as("a lapsed claim's delivery is due again, for its next attempt")
                    .extracting(QueuedDelivery::attempt).containsExactly(2);
        } finally {
            jdbc.update("delete from deliveries where account_id = 'acct_claimlease'");
            engine.start();
        }
    }

    @Test
    void aChosenDeliveryIsClaimedOnlyIfStillDueWhenLocked() {
        engine.stop();
        try {
            insert("del_chosendue", "PENDING", "now()", "null");
            insert("del_chosenheld", "PENDING", "now()", "now() + interval '1 hour'"); // another node's claim
            insert("del_chosenlater", "PENDING", "now() + interval '1 hour'", "null"); // its retry is not due yet
            insert("del_chosendone", "SUCCEEDED", "null", "null");

            // chosen by an earlier look at the queue; since then, all but one stopped being claimable
            List<QueuedDelivery> claimed = queue.claimChosen(
                    List.of("del_chosendue", "del_chosenheld", "del_chosenlater", "del_chosendone"),
                    Duration.ofHours(1));

            assertThat(claimed).extracting(QueuedDelivery::id).containsExactly("del_chosendue");
            assertThat(jdbc.queryForList("select id from deliveries where account_id = 'acct_chosen' and attempts > 0",
                    String.class)).containsExactly("del_chosendue");
        } finally {
            jdbc.update("delete from deliveries where account_id = 'acct_chosen'");
            engine.start();
        }
    }

    private void insert(String id, String status, String nextAttemptAt, String claimedUntil) {
        jdbc.update("insert into deliveries (id, kind, target_id, account_id, mode, event_id, event_type, payload, "
                + "status, next_attempt_at, claimed_until, created_at) values (?, 'webhook', 'whk_chosen', "
                + "'acct_chosen', 'LIVE', ?, 'x', '{}', ?, " + nextAttemptAt + ", " + claimedUntil + ", now())",
                id, "evt_" + id, status);
    }

    /** Claims, and gives back at once what other tests left due, as if those claims had never been made. */
    private List<QueuedDelivery> claim() {
        List<QueuedDelivery> claimed = queue.claim(10, ANY_ROOM, Duration.ofHours(1), true);
        claimed.stream().filter(delivery -> !delivery.id().equals("del_claimlease")).forEach(other -> jdbc.update(
                "update deliveries set attempts = attempts - 1, claimed_until = null where id = ?", other.id()));
        return claimed.stream().filter(delivery -> delivery.id().equals("del_claimlease")).toList();
    }
}
