package com.crowdledger.query.bug;

import com.crowdledger.queries.bug.BugView;
import com.crowdledger.queries.bug.BugViewer;
import com.crowdledger.queries.bug.FindBugQuery;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Bug reports, to their campaign's owner and to their tester; to nobody else. */
@Component
class BugQueries {
    private final BugRowRepository bugs;
    private final BugPages pages;

    BugQueries(BugRowRepository bugs, BugPages pages) {
        this.bugs = bugs;
        this.pages = pages;
    }

    @QueryHandler
    Optional<BugView> find(FindBugQuery query) {
        return (query.viewer() == BugViewer.OWNER ? bugs.findForOwner(query.tenant(), query.bugId())
                : bugs.findForTester(query.tenant(), query.bugId())).map(BugRow::view);
    }

    ListPage<BugView> list(Tenant tenant, BugViewer viewer, BugFilter filter, PageRequest page) {
        return page.toListPage(pages.page(tenant, viewer, filter, page),
                bug -> new Position(bug.createdAt(), bug.id()));
    }
}
