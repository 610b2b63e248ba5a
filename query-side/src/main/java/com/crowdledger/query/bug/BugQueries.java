package com.crowdledger.query.bug;

import com.crowdledger.queries.bug.BugView;
import com.crowdledger.queries.bug.BugViewer;
import com.crowdledger.queries.bug.FindBugQuery;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Bug reports, to their campaign's owner and to their tester; to nobody else. */
@Component
class BugQueries {
    private final BugRowRepository bugs;

    BugQueries(BugRowRepository bugs) {
        this.bugs = bugs;
    }

    @QueryHandler
    Optional<BugView> find(FindBugQuery query) {
        return (query.viewer() == BugViewer.OWNER ? bugs.findForOwner(query.tenant(), query.bugId())
                : bugs.findForTester(query.tenant(), query.bugId())).map(BugRow::view);
    }

    ListPage<BugView> list(Tenant tenant, BugViewer viewer, BugFilter filter, PageRequest page) {
        List<BugRow> rows = bugs.page(tenant, viewer, filter, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, BugRow::position, found -> found.stream().map(BugRow::view).toList());
    }
}
