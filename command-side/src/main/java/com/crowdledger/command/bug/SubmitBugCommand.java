package com.crowdledger.command.bug;

import com.crowdledger.events.bug.Severity;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** A tester (its own account, in the mode of its key) reports a bug in a campaign it joined. */
public record SubmitBugCommand(
        @TargetAggregateIdentifier String bugId,
        Tenant tester,
        String campaignId,
        String title,
        Severity severity,
        String steps,
        @Nullable String expected,
        @Nullable String actual,
        @Nullable String device) {
}
