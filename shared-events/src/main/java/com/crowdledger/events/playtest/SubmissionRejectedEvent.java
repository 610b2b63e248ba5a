package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** The owner rejected a submission, saying why; nothing is paid or charged. */
public record SubmissionRejectedEvent(
        String playtestId,
        String slotId,
        String submissionId,
        String accountId,
        Mode mode,
        String testerId,
        String testerAccountId,
        String reason,
        Instant rejectedAt) implements TenantEvent {
}
