package com.crowdledger.query.game;

import com.crowdledger.events.game.GameStatus;
import com.crowdledger.queries.game.FindGameQuery;
import com.crowdledger.queries.game.GameView;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An owner's games, in the mode of its key. */
@RestController
@RequestMapping("/v1/games")
@Authenticated(scope = Scope.GAME_OWNER)
class GameQueryController {
    private final GameRowRepository games;

    GameQueryController(GameRowRepository games) {
        this.games = games;
    }

    @QueryHandler
    Optional<GameView> find(FindGameQuery query) {
        return games.find(query.tenant(), query.gameId()).map(GameRow::view);
    }

    /** Newest first, one page at a time; optionally only one status. */
    @GetMapping
    ListPage<GameView> list(Caller caller, @RequestParam(required = false) GameStatus status, PageRequest page) {
        List<GameRow> rows = games.page(Tenant.of(caller), status, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, GameRow::position, found -> found.stream().map(GameRow::view).toList());
    }

    @GetMapping("/{id}")
    GameView get(Caller caller, @PathVariable String id) {
        return find(new FindGameQuery(id, Tenant.of(caller))).orElseThrow(() -> DomainException.notFound("Game"));
    }
}
