package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.crowdledger.it.IntegrationTest;
import com.crowdledger.shared.Mode;
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

    @Test
    void aTargetsClaimTakesItsDueDeliveriesInDueOrderWithinItsRoomAndNothingElse() {
        engine.stop();
        try {
            insert("del_tgtlater", "PENDING", "now() + interval '1 hour'", "null"); // a retry not due yet
            insert("del_tgtsecond", "PENDING", "now() - interval '1 minute'", "null");
            insert("del_tgtfirst", "PENDING", "now() - interval '2 minutes'", "null");
            insert("del_tgtheld", "PENDING", "now() - interval '3 minutes'", "now() + interval '1 hour'");
            insert("del_tgtdone", "SUCCEEDED", "null", "null");
            jdbc.update("insert into deliveries (id, kind, target_id, account_id, mode, event_id, event_type, payload, "
                    + "status, next_attempt_at, created_at) values ('del_tgtother', 'webhook', 'whk_other', "
                    + "'acct_chosen', 'LIVE', 'evt_tgtother', 'x', '{}', 'PENDING', now() - interval '1 hour', now())");
            DeliveryTarget target = new DeliveryTarget("webhook", "whk_chosen", "acct_chosen", Mode.LIVE);

            List<QueuedDelivery> first = queue.claimTargets(List.of(target), 10,
                    new QueueRoom(8, Map.of(target.key(), 1), 16, Map.of()), Duration.ofHours(1));
            List<QueuedDelivery> rest = queue.claimTargets(List.of(target), 10, ANY_ROOM, Duration.ofHours(1));

            assertThat(first).as("the first due, within the target's room").extracting(QueuedDelivery::id)
                    .containsExactly("del_tgtfirst");
            assertThat(rest).as("held by another node, not due, done, or another target's: not taken")
                    .extracting(QueuedDelivery::id, QueuedDelivery::attempt)
                    .containsExactly(tuple("del_tgtsecond", 1));
        } finally {
            jdbc.update("delete from deliveries where account_id = 'acct_chosen'");
            engine.start();
        }
    }

    @Test
    void aTargetWhoseClaimFailsLeavesTheOtherTargetsClaimsReturned() {
        engine.stop();
        try {
            for (String target : List.of("whk_chosen", "whk_failing", "whk_after")) {
                jdbc.update("insert into deliveries (id, kind, target_id, account_id, mode, event_id, event_type, "
                        + "payload, status, next_attempt_at, created_at) values (?, 'webhook', ?, 'acct_chosen', "
                        + "'LIVE', ?, 'x', '{}', 'PENDING', now(), now())", "del_" + target, target, "evt_" + target);
            }
            // the database refuses to claim one target's rows
            jdbc.execute("create function refuse_claim() returns trigger language plpgsql as "
                    + "$$ begin raise exception 'refused for the test'; end $$");
            jdbc.execute("create trigger refuse_claim before update on deliveries for each row "
                    + "when (old.target_id = 'whk_failing') execute function refuse_claim()");

            List<QueuedDelivery> claimed = queue.claimTargets(List.of("whk_chosen", "whk_failing", "whk_after").stream()
                    .map(id -> new DeliveryTarget("webhook", id, "acct_chosen", Mode.LIVE)).toList(), 10, ANY_ROOM,
                    Duration.ofHours(1));

            assertThat(claimed).as("claimed before and after the failure, each returned to be sent")
                    .extracting(QueuedDelivery::id).containsExactlyInAnyOrder("del_whk_chosen", "del_whk_after");
            assertThat(jdbc.queryForObject("select attempts from deliveries where id = 'del_whk_failing'",
                    Integer.class)).as("the failed target's row, left as it was").isZero();
        } finally {
            jdbc.execute("drop trigger if exists refuse_claim on deliveries");
            jdbc.execute("drop function if exists refuse_claim()");
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
