package com.crowdledger.command.bug;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * The campaign's owner moves a bug to {@code status}; a rejection says why ({@code resolution}) and a duplicate names
 * the original ({@code duplicateOf}). {@code earningId} is the id the tester's earning gets if this accepts the bug.
 */
public record ChangeBugCommand(
        @TargetAggregateIdentifier String bugId,
        Tenant owner,
        @Nullable BugStatus status,
        @Nullable Resolution resolution,
        @Nullable String duplicateOf,
        String earningId) {
}
