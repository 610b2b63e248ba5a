package com.crowdledger.command.game;

import com.crowdledger.events.game.GameBuild;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Add a game to the owner's account, in the mode of its key. */
public record CreateGameCommand(
        @TargetAggregateIdentifier String gameId,
        Tenant owner,
        String title,
        List<Platform> platforms,
        @Nullable String genre,
        @Nullable String description,
        List<GameBuild> builds) {
}
