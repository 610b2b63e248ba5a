package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the claimer claims, and whether of every target's due rows or of a few targets alone. */
class ClaimScheduleTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final DeliveryTarget BUSY = new DeliveryTarget("webhook", "whk_busy", "acct_a", Mode.LIVE);
    private static final DeliveryTarget OTHER = new DeliveryTarget("webhook", "whk_other", "acct_b", Mode.LIVE);

    private final ClaimSchedule schedule = new ClaimSchedule(Duration.ofSeconds(1), 0);

    @Test
    void theFirstClaimIsOfEveryTargetAndLooksBehindThenNothingUntilThePoll() {
        assertThat(schedule.next(0)).isEqualTo(new ClaimSchedule.Claim(true, true, List.of()));
        assertThat(schedule.next(1)).isNull();
        assertThat(schedule.nanosToPoll(1)).isEqualTo(SECOND - 1);
        assertThat(schedule.next(SECOND)).isEqualTo(new ClaimSchedule.Claim(true, true, List.of()));
    }

    @Test
    void aStreamOfTargetedClaimsNeverPostponesThePoll() {
        schedule.next(0);
        for (long now = 1; now < SECOND; now += SECOND / 100) {
            schedule.targets(List.of(BUSY));
            assertThat(schedule.next(now)).isEqualTo(new ClaimSchedule.Claim(false, false, List.of(BUSY)));
        }
        schedule.targets(List.of(BUSY));

        assertThat(schedule.next(SECOND)).as("the poll").isEqualTo(new ClaimSchedule.Claim(true, true, List.of()));
        assertThat(schedule.next(SECOND + 1)).isEqualTo(new ClaimSchedule.Claim(false, false, List.of(BUSY)));
        assertThat(schedule.next(SECOND + 2)).isNull();
    }

    @Test
    void theBudgetsClaimsNeverPostponeThePoll() {
        schedule.next(0);
        for (long now = 1; now < SECOND; now += SECOND / 100) {
            schedule.everyTarget(false);
            assertThat(schedule.next(now)).isEqualTo(new ClaimSchedule.Claim(true, false, List.of()));
        }

        assertThat(schedule.next(SECOND)).as("the poll, which looks behind")
                .isEqualTo(new ClaimSchedule.Claim(true, true, List.of()));
    }

    @Test
    void targetsWaitingForAClaimAreClaimedTogetherEachOnce() {
        schedule.next(0);
        schedule.targets(List.of(BUSY, OTHER));
        schedule.targets(List.of(BUSY));

        assertThat(schedule.next(1)).isEqualTo(new ClaimSchedule.Claim(false, false, List.of(BUSY, OTHER)));
        assertThat(schedule.next(2)).isNull();
    }

    @Test
    void targetsWaitingAreStillClaimedAfterAClaimOfEveryTargetWhichLooksAtTheOldestDueRowsOnly() {
        schedule.next(0);
        schedule.targets(List.of(BUSY));
        schedule.everyTarget(false);

        assertThat(schedule.next(SECOND / 2)).as("asked for by the budget: no look behind the oldest due rows")
                .isEqualTo(new ClaimSchedule.Claim(true, false, List.of()));
        assertThat(schedule.next(SECOND / 2 + 1)).isEqualTo(new ClaimSchedule.Claim(false, false, List.of(BUSY)));
        assertThat(schedule.next(SECOND / 2 + 2)).isNull();
    }

    @Test
    void aRetryByHandLooksBehindAndCountsAsThePoll() {
        schedule.next(0);
        schedule.everyTarget(true);

        assertThat(schedule.next(SECOND / 2)).isEqualTo(new ClaimSchedule.Claim(true, true, List.of()));
        assertThat(schedule.nanosToPoll(SECOND / 2)).isEqualTo(SECOND);
    }
}
