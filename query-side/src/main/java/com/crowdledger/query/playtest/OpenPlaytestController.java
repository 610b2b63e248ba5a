package com.crowdledger.query.playtest;

import com.crowdledger.queries.tester.FindTesterProfileQuery;
import com.crowdledger.queries.tester.TesterProfileView;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work for testers: open playtests with free slots of every account, in the mode of the tester's key: public ones,
 * and private ones offered to the tester; never one where it already holds a slot.
 */
@RestController
@Authenticated(scope = Scope.TESTER)
class OpenPlaytestController {
    private final PlaytestRowRepository playtests;
    private final PlaytestSlotRowRepository slots;
    private final QueryGateway queries;

    OpenPlaytestController(PlaytestRowRepository playtests, PlaytestSlotRowRepository slots, QueryGateway queries) {
        this.playtests = playtests;
        this.slots = slots;
        this.queries = queries;
    }

    /**
     * Newest first, one page at a time, each with the ids of its open slots (claim one with POST /v1/slots/:id/claim).
     */
    @GetMapping("/v1/playtests/open")
    ListPage<OpenPlaytestView> open(Caller caller, PageRequest page) {
        Tenant tester = Tenant.of(caller);
        String testerId = queries.query(new FindTesterProfileQuery(tester),
                        ResponseTypes.optionalInstanceOf(TesterProfileView.class)).join()
                .map(TesterProfileView::id).orElse("");
        List<PlaytestRow> rows = playtests.openPage(caller.mode(), testerId, caller.accountId(), page.afterCreatedAt(),
                page.afterId(), page.fetchLimit());
        return page.toListPage(rows, PlaytestRow::position, this::withOpenSlots);
    }

    private List<OpenPlaytestView> withOpenSlots(List<PlaytestRow> rows) {
        Map<String, List<String>> open = new HashMap<>();
        if (!rows.isEmpty()) {
            for (Object[] slot : slots.openSlotIds(rows.stream().map(PlaytestRow::id).toList())) {
                open.computeIfAbsent((String) slot[0], ignored -> new ArrayList<>()).add((String) slot[1]);
            }
        }
        return rows.stream().map(row -> row.openView(open.getOrDefault(row.id(), List.of()))).toList();
    }
}
