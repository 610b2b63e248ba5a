package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * The owner accepted a submission: the tester earns {@code payout} (a {@code TesterEarningRecordedEvent} in the same
 * command), and {@code charge} is what the owner pays now ({@code costPerSlot} for a public playtest, zero for a
 * prepaid private one), charged by billing's policy in the same transaction.
 */
public record SubmissionAcceptedEvent(
        String playtestId,
        String slotId,
        String submissionId,
        String accountId,
        Mode mode,
        String testerId,
        String testerAccountId,
        Money payout,
        Money charge,
        Instant acceptedAt) implements TenantEvent {
}
