package com.crowdledger.queries.playtest;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the tester submitted for a slot, and the owner's review ({@code reviewedAt}; a rejection's reason). */
public record PlaytestSubmissionView(
        String id,
        String videoUrl,
        @Nullable String notes,
        Map<String, String> answers,
        Instant submittedAt,
        @Nullable Instant reviewedAt,
        @Nullable String rejectionReason) {
}
