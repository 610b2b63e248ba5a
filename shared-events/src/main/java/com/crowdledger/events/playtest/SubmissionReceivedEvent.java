package com.crowdledger.events.playtest;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tester holding the slot submitted its playtest: a video (https), notes and answers. It awaits the owner's
 * review. {@code accountId} is the playtest's owner; {@code testerAccountId} the tester's account.
 */
public record SubmissionReceivedEvent(
        String playtestId,
        String slotId,
        String submissionId,
        String accountId,
        Mode mode,
        String testerId,
        String testerAccountId,
        String videoUrl,
        @Nullable String notes,
        Map<String, String> answers,
        Instant submittedAt) implements TenantEvent {
}
