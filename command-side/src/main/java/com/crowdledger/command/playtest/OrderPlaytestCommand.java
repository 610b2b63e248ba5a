package com.crowdledger.command.playtest;

import com.crowdledger.events.playtest.PlaytestVisibility;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Order a playtest of one of the owner's games; {@code slotIds} are the ids of its {@code quantity} slots. */
public record OrderPlaytestCommand(
        @TargetAggregateIdentifier String playtestId,
        Tenant owner,
        String gameId,
        String title,
        PlaytestVisibility visibility,
        int quantity,
        int durationMinutes,
        int playerCount,
        @Nullable String notesForTesters,
        List<String> keysForTesters,
        Money costPerSlot,
        Money payout,
        List<String> invitedTesters,
        List<String> slotIds) {
}
