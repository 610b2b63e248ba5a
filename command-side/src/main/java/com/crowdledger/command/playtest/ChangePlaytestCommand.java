package com.crowdledger.command.playtest;

import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Change an open playtest's title or notes, or complete it ({@code status} completed); null stays as it is. */
public record ChangePlaytestCommand(
        @TargetAggregateIdentifier String playtestId,
        Tenant owner,
        @Nullable String title,
        @Nullable String notesForTesters,
        @Nullable PlaytestStatus status) {
}
