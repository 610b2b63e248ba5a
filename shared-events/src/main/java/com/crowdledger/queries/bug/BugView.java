package com.crowdledger.queries.bug;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.events.bug.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A bug report, as its campaign's owner and its tester see it. */
public record BugView(
        String id,
        String campaignId,
        String testerId,
        String title,
        Severity severity,
        String steps,
        @Nullable String expected,
        @Nullable String actual,
        @Nullable String device,
        BugStatus status,
        @Nullable Resolution resolution,
        @Nullable String duplicateOf,
        Instant createdAt,
        Instant updatedAt) {
}
