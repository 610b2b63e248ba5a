package com.crowdledger.events.game;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A game as it is after a change (archiving and restoring included): every field, not only those that changed. */
public record GameChangedEvent(
        String gameId,
        String accountId,
        Mode mode,
        String title,
        List<Platform> platforms,
        @Nullable String genre,
        @Nullable String description,
        List<GameBuild> builds,
        GameStatus status,
        Instant changedAt) implements TenantEvent {
}
