package com.crowdledger.command.game;

import com.crowdledger.events.game.GameStatus;
import com.crowdledger.shared.Mode;
import java.util.Optional;

/** Whose a game is and whether it takes orders, kept in the write model's own table with every game event. */
public interface GameLookup {
    Optional<GameFacts> find(String gameId);

    record GameFacts(String accountId, Mode mode, GameStatus status) {
    }
}
