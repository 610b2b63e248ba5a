package com.crowdledger.command.playtest;

import com.crowdledger.shared.web.Tenant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** The tester holding a slot's reservation submits its playtest. */
public record SubmitPlaytestCommand(
        @TargetAggregateIdentifier String playtestId,
        String slotId,
        Tenant tester,
        String submissionId,
        String videoUrl,
        @Nullable String notes,
        Map<String, String> answers) {
}
