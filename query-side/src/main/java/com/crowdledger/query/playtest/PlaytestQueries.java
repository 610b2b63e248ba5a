package com.crowdledger.query.playtest;

import com.crowdledger.queries.playtest.FindPlaytestQuery;
import com.crowdledger.queries.playtest.FindSlotQuery;
import com.crowdledger.queries.playtest.PlaytestView;
import com.crowdledger.queries.playtest.SlotView;
import com.crowdledger.queries.playtest.SlotViewer;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A playtest as its owner sees it; a slot as its owner, or the tester holding it, sees it. */
@Component
class PlaytestQueries {
    private final PlaytestRowRepository playtests;
    private final PlaytestSlotRowRepository slots;

    PlaytestQueries(PlaytestRowRepository playtests, PlaytestSlotRowRepository slots) {
        this.playtests = playtests;
        this.slots = slots;
    }

    @QueryHandler
    Optional<PlaytestView> find(FindPlaytestQuery query) {
        return playtests.find(query.tenant(), query.playtestId()).map(PlaytestRow::view);
    }

    @QueryHandler
    Optional<SlotView> find(FindSlotQuery query) {
        return query.viewer() == SlotViewer.OWNER
                ? slots.find(query.tenant(), query.slotId()).map(slot -> slot.view(false))
                : slots.findHeld(query.tenant(), query.slotId()).map(slot -> slot.view(true));
    }
}
