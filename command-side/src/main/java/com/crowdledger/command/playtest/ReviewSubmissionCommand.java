package com.crowdledger.command.playtest;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * The owner accepts ({@code reason} null) or rejects a slot's submission. {@code earningId} names the tester's
 * earning if this accept is the one that pays.
 */
public record ReviewSubmissionCommand(
        @TargetAggregateIdentifier String playtestId,
        String slotId,
        Tenant owner,
        boolean accept,
        @Nullable String reason,
        String earningId) {
}
