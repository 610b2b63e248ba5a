package com.crowdledger.events.game;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An owner added a game (status {@code active}). */
public record GameCreatedEvent(
        String gameId,
        String accountId,
        Mode mode,
        String title,
        List<Platform> platforms,
        @Nullable String genre,
        @Nullable String description,
        List<GameBuild> builds,
        Instant createdAt) implements TenantEvent {
}
