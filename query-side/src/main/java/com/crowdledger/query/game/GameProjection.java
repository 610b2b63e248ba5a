package com.crowdledger.query.game;

import com.crowdledger.events.game.GameChangedEvent;
import com.crowdledger.events.game.GameCreatedEvent;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.shared.processing.Subscribing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects games. Subscribing: an owner reads its game right after a change. */
@Component
@Subscribing
@ProcessingGroup("game-view")
class GameProjection {
    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(GameCreatedEvent event) {
        GameRow row = new GameRow(event.gameId(), event.accountId(), event.mode(), event.createdAt());
        row.change(event.title(), event.platforms(), event.genre(), event.description(), event.builds(),
                GameStatus.ACTIVE, event.createdAt());
        entityManager.persist(row);
    }

    @EventHandler
    void on(GameChangedEvent event) {
        GameRow row = entityManager.find(GameRow.class, event.gameId());
        if (row == null) {
            throw new IllegalStateException("Game " + event.gameId() + " is missing from its read model");
        }
        row.change(event.title(), event.platforms(), event.genre(), event.description(), event.builds(),
                event.status(), event.changedAt());
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from GameRow").executeUpdate();
    }
}
