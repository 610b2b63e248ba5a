package com.crowdledger.command.game;

import com.crowdledger.events.game.GameBuild;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Change a game; null fields stay as they are. {@code status} archives or restores it. */
public record ChangeGameCommand(
        @TargetAggregateIdentifier String gameId,
        Tenant owner,
        @Nullable String title,
        @Nullable List<Platform> platforms,
        @Nullable String genre,
        @Nullable String description,
        @Nullable List<GameBuild> builds,
        @Nullable GameStatus status) {
}
