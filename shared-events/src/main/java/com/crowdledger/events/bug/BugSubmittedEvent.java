package com.crowdledger.events.bug;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A tester who joined a campaign reported a bug in it. The bug belongs to the campaign's owner ({@code accountId});
 * the tester is a second party, named by its profile ({@code testerId}) and its own account.
 */
public record BugSubmittedEvent(
        String bugId,
        String accountId,
        Mode mode,
        String campaignId,
        String testerId,
        String testerAccountId,
        String title,
        Severity severity,
        String steps,
        @Nullable String expected,
        @Nullable String actual,
        @Nullable String device,
        Instant submittedAt) implements TenantEvent {
}
