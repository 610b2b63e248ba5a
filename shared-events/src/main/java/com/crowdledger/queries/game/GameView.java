package com.crowdledger.queries.game;

import com.crowdledger.events.game.GameBuild;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.shared.Platform;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A game as its owner sees it. */
public record GameView(
        String id,
        String title,
        List<Platform> platforms,
        @Nullable String genre,
        @Nullable String description,
        List<GameBuild> builds,
        GameStatus status,
        Instant createdAt,
        Instant updatedAt) {
}
