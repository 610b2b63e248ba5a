package com.crowdledger.command.playtest;

import com.crowdledger.shared.web.Tenant;
import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A tester (its account, and its profile {@code testerId} in the key's mode) reserves a slot for {@code lifetime};
 * {@code warning} before the end it is reminded.
 */
public record ClaimSlotCommand(
        @TargetAggregateIdentifier String playtestId,
        String slotId,
        Tenant tester,
        String testerId,
        Duration lifetime,
        Duration warning) {
}
