package com.crowdledger.query.playtest;

import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.queries.game.FindGameQuery;
import com.crowdledger.queries.game.GameView;
import com.crowdledger.queries.playtest.FindPlaytestQuery;
import com.crowdledger.queries.playtest.FindSlotQuery;
import com.crowdledger.queries.playtest.PlaytestView;
import com.crowdledger.queries.playtest.SlotView;
import com.crowdledger.queries.playtest.SlotViewer;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An owner's playtests and their slots; a slot also to the tester holding it (with its key). */
@RestController
@RequestMapping("/v1")
class PlaytestQueryController {
    private final PlaytestQueries queries;
    private final PlaytestRowRepository playtests;
    private final PlaytestSlotRowRepository slots;
    private final QueryGateway gameQueries;

    PlaytestQueryController(PlaytestQueries queries, PlaytestRowRepository playtests, PlaytestSlotRowRepository slots,
                            QueryGateway gameQueries) {
        this.queries = queries;
        this.gameQueries = gameQueries;
        this.playtests = playtests;
        this.slots = slots;
    }

    /** Newest first, one page at a time; optionally only one status. */
    @GetMapping("/games/{id}/playtests")
    @Authenticated(scope = Scope.GAME_OWNER)
    ListPage<PlaytestView> list(Caller caller, @PathVariable String id,
                                @RequestParam(required = false) PlaytestStatus status, PageRequest page) {
        Tenant owner = Tenant.of(caller);
        boolean gameFound = gameQueries.query(new FindGameQuery(id, owner),
                ResponseTypes.optionalInstanceOf(GameView.class)).join().isPresent();
        if (!gameFound) {
            throw DomainException.notFound("Game");
        }
        List<PlaytestRow> rows = playtests.pageOfGame(owner, id, status, page.afterCreatedAt(),
                page.afterId(), page.fetchLimit());
        return page.toListPage(rows, PlaytestRow::position, found -> found.stream().map(PlaytestRow::view).toList());
    }

    @GetMapping("/playtests/{id}")
    @Authenticated(scope = Scope.GAME_OWNER)
    PlaytestView get(Caller caller, @PathVariable String id) {
        return queries.find(new FindPlaytestQuery(id, Tenant.of(caller)))
                .orElseThrow(() -> DomainException.notFound("Playtest"));
    }

    @GetMapping("/playtests/{id}/slots")
    @Authenticated(scope = Scope.GAME_OWNER)
    ListPage<SlotView> slots(Caller caller, @PathVariable String id, PageRequest page) {
        Tenant owner = Tenant.of(caller);
        if (playtests.find(owner, id).isEmpty()) {
            throw DomainException.notFound("Playtest");
        }
        List<PlaytestSlotRow> rows = slots.pageOfPlaytest(owner, id, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, PlaytestSlotRow::position,
                found -> found.stream().map(slot -> slot.view(false)).toList());
    }

    /** The owner sees any slot of its playtests; a tester only the slot it holds (404 otherwise). */
    @GetMapping("/slots/{id}")
    @Authenticated(scope = {Scope.GAME_OWNER, Scope.TESTER})
    SlotView slot(Caller caller, @PathVariable String id) {
        SlotViewer viewer = caller.scopes().contains(Scope.GAME_OWNER) ? SlotViewer.OWNER : SlotViewer.TESTER;
        return queries.find(new FindSlotQuery(id, Tenant.of(caller), viewer))
                .orElseThrow(() -> DomainException.notFound("Slot"));
    }
}
