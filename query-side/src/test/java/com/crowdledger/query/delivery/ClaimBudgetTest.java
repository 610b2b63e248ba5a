package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When a node claims, how much, and when it claims again without waiting for its poll. */
class ClaimBudgetTest {
    private static final int WORKERS = 32;
    private static final int PER_TARGET = 4;
    private final ClaimBudget budget = new ClaimBudget(WORKERS, PER_TARGET);
    private int sequence;

    @Test
    void anAccountHoldsAtMostHalfTheWorkersWorthAndClaimsAgainWhenHalfOfThatIsFree() {
        ClaimBudget.Room room = budget.room();
        assertThat(room.total()).isEqualTo(2 * WORKERS);
        assertThat(room.queue().perAccount()).isEqualTo(WORKERS / 2);

        List<QueuedDelivery> batch = deliveries("acct_a", 8, 2);
        assertThat(budget.accept(batch, room).claimAgain()).isFalse();
        assertThat(budget.room().queue().accounts()).containsEntry("acct_a", 0);
        List<Boolean> claimAgain = batch.stream().map(d -> budget.finished(d).claimAgain()).toList();
        assertThat(claimAgain.indexOf(true)).as("claims again once half of the account's share is free")
                .isEqualTo(WORKERS / 4 - 1);
        assertThat(claimAgain.stream().filter(again -> again)).hasSize(1);
    }

    @Test
    void aClaimWhoseDeliveriesFinishedWhileItRanClaimsAgainAtOnce() {
        List<QueuedDelivery> first = deliveries("acct_a", 8, 2);
        budget.accept(first, budget.room());
        first.subList(0, 8).forEach(budget::finished);   // half free: the worker claims again...
        ClaimBudget.Room room = budget.room();
        assertThat(room.queue().accounts()).containsEntry("acct_a", 8);
        first.subList(8, 16).forEach(budget::finished);  // ...and the rest finish before its claim answers

        ClaimBudget.Accepted accepted = budget.accept(deliveries("acct_a", 8, 1), room);

        assertThat(accepted.claimAgain())
                .as("the claim used up the room it was given, and half of the share is free already")
                .isTrue();
    }

    @Test
    void theLastHalfWorkersWorthOfRoomIsForAccountsThatHoldNothing() {
        for (String account : List.of("acct_a", "acct_b", "acct_c")) {
            budget.accept(deliveries(account, 4, 4), budget.room());
        }
        ClaimBudget.Room room = budget.room();
        assertThat(room.total()).isEqualTo(WORKERS / 2);
        assertThat(room.queue().fullAccounts()).containsExactlyInAnyOrder("acct_a", "acct_b", "acct_c");

        ClaimBudget.Accepted newcomer = budget.accept(deliveries("acct_d", 1, 1), room);

        assertThat(newcomer.toSend()).hasSize(1);
        assertThat(budget.room().queue().fullAccounts()).contains("acct_a", "acct_b", "acct_c", "acct_d");
    }

    @Test
    void aClaimThatFoundLessThanItsRoomWaitsForThePoll() {
        List<QueuedDelivery> batch = deliveries("acct_a", 3, 1);
        assertThat(budget.accept(batch, budget.room()).claimAgain()).isFalse();
        assertThat(batch.stream().map(d -> budget.finished(d).claimAgain())).containsOnly(false);
    }

    @Test
    void aTargetSendsAtMostItsConcurrencyAndTheRestWaitsForItsTurn() {
        List<QueuedDelivery> batch = deliveries("acct_a", 1, 2 * PER_TARGET);
        ClaimBudget.Accepted accepted = budget.accept(batch, budget.room());
        assertThat(accepted.toSend()).containsExactlyElementsOf(batch.subList(0, PER_TARGET));
        assertThat(budget.room().queue().targets()).containsEntry(batch.get(0).targetKey(), 0);

        ClaimBudget.Finished finished = budget.finished(batch.get(0));

        assertThat(finished.next()).isEqualTo(batch.get(PER_TARGET));
    }

    @Test
    void aTargetWhoseAllowanceAClaimUsedUpIsClaimedAloneWhenHalfOfItIsFree() {
        List<QueuedDelivery> batch = deliveries("acct_a", 1, 2 * PER_TARGET);
        ClaimBudget.Accepted accepted = budget.accept(batch, budget.room());
        assertThat(accepted.claimAgain()).isFalse();
        assertThat(accepted.topUps()).isEmpty();

        List<ClaimBudget.Finished> finished = batch.subList(0, PER_TARGET).stream().map(budget::finished).toList();

        assertThat(finished).extracting(ClaimBudget.Finished::topUp).as("that target, once half of it is free")
                .containsExactly(null, null, null, batch.get(0).target());
        assertThat(finished).extracting(ClaimBudget.Finished::claimAgain).as("not every target's due rows")
                .containsOnly(false);
    }

    @Test
    void aClaimOfTargetsNeverTellsThatNothingMoreIsDue() {
        List<QueuedDelivery> batch = new ArrayList<>();
        IntStream.range(0, 8).forEach(account -> batch.addAll(deliveries("acct_" + account, 2, 4)));
        budget.accept(batch, budget.room());   // filled the node: more may be due
        assertThat(budget.finished(batch.get(0)).claimAgain()).isFalse();
        ClaimBudget.Room room = budget.room();
        assertThat(room.total()).isEqualTo(1);

        List<QueuedDelivery> nothing = List.of();
        DeliveryTarget quiet = deliveries("acct_quiet", 1, 1).get(0).target();
        assertThat(budget.acceptTargeted(nothing, room, List.of(quiet)).claimAgain()).isFalse();

        List<Boolean> claimAgain = batch.subList(1, batch.size()).stream()
                .map(d -> budget.finished(d).claimAgain()).toList();
        assertThat(claimAgain.indexOf(true)).as("the node claims every target's due rows when half of it is free")
                .isEqualTo(WORKERS - 2);
    }

    @Test
    void aClaimOfTargetsThatFilledTheNodeTellsThatMoreMayBeDue() {
        List<QueuedDelivery> first = deliveries("acct_a", 4, 4);
        budget.accept(first, budget.room());   // found less than its room: nothing more due
        List<QueuedDelivery> batch = new ArrayList<>();
        IntStream.range(0, 6).forEach(account -> batch.addAll(deliveries("acct_" + account + "b", 2, 4)));
        ClaimBudget.Room room = budget.room();
        assertThat(batch).hasSize(room.total());

        budget.acceptTargeted(batch, room, batch.stream().map(QueuedDelivery::target).distinct().toList());

        List<Boolean> claimAgain = batch.stream().map(d -> budget.finished(d).claimAgain()).toList();
        assertThat(claimAgain).contains(true);
    }

    @Test
    void aClaimThatFilledTheNodeClaimsAgainWhenHalfTheWorkersAreFree() {
        List<QueuedDelivery> batch = new ArrayList<>();
        IntStream.range(0, 8).forEach(account -> batch.addAll(deliveries("acct_" + account, 2, 4)));
        ClaimBudget.Room room = budget.room();
        assertThat(batch).hasSize(room.total());
        assertThat(budget.accept(batch, room).claimAgain()).isFalse();

        List<Boolean> claimAgain = batch.stream().map(d -> budget.finished(d).claimAgain()).toList();

        assertThat(claimAgain.indexOf(true)).isEqualTo(WORKERS - 1);
    }

    /** {@code targets × perTarget} deliveries of one account, spread over its targets in turn. */
    private List<QueuedDelivery> deliveries(String account, int targets, int perTarget) {
        List<QueuedDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < targets * perTarget; i++) {
            deliveries.add(new QueuedDelivery("del_" + ++sequence, "webhook", account + "_we_" + i % targets, account,
                    Mode.TEST, "evt_" + sequence, "webhook.test", "{}", 1, Instant.now()));
        }
        return deliveries;
    }
}
