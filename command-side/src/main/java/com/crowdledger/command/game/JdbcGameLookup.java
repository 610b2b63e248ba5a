package com.crowdledger.command.game;

import com.crowdledger.events.game.GameChangedEvent;
import com.crowdledger.events.game.GameCreatedEvent;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The game lookup ({@code game_lookup}), written with each game event. A playtest order reads it without a lock: an
 * order that read a game as active orders before the archiving it did not see.
 */
@Component
@Subscribing
@ProcessingGroup("game-lookup")
class JdbcGameLookup implements GameLookup {
    private final JdbcTemplate jdbc;

    JdbcGameLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GameCreatedEvent event) {
        jdbc.update("insert into game_lookup (game_id, account_id, mode, status) values (?, ?, ?, ?)",
                event.gameId(), event.accountId(), event.mode().name(), GameStatus.ACTIVE.name());
    }

    @EventHandler
    void on(GameChangedEvent event) {
        jdbc.update("update game_lookup set status = ? where game_id = ?", event.status().name(), event.gameId());
    }

    @Override
    public Optional<GameFacts> find(String gameId) {
        return jdbc.query("select account_id, mode, status from game_lookup where game_id = ?",
                (row, n) -> new GameFacts(row.getString(1), Mode.valueOf(row.getString(2)),
                        GameStatus.valueOf(row.getString(3))), gameId).stream().findFirst();
    }
}
