package com.crowdledger.query.bug;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.Severity;
import com.crowdledger.queries.bug.BugView;
import com.crowdledger.queries.bug.BugViewer;
import com.crowdledger.queries.bug.FindBugQuery;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.DateParameter;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bug reports: an owner (scope {@code campaigns}) sees those of its campaigns, a tester (scope {@code tester}) those
 * it reported, in the mode of the key.
 */
@RestController
@RequestMapping("/v1/bugs")
@Authenticated(scope = {Scope.CAMPAIGNS, Scope.TESTER})
class BugQueryController {
    private final BugQueries queries;

    BugQueryController(BugQueries queries) {
        this.queries = queries;
    }

    /**
     * Newest first, one page at a time, narrowed by any of: {@code campaign}, {@code status}, {@code severity},
     * {@code tester} (a tester profile id), and {@code from}/{@code to} (UTC days the bug was reported, both
     * included).
     */
    @GetMapping
    ListPage<BugView> list(Caller caller,
                           @RequestParam(required = false) String campaign,
                           @RequestParam(required = false) BugStatus status,
                           @RequestParam(required = false) Severity severity,
                           @RequestParam(required = false) String tester,
                           @RequestParam(name = "from", required = false) String fromDate,
                           @RequestParam(name = "to", required = false) String toDate,
                           PageRequest page) {
        LocalDate from = DateParameter.parse("from", fromDate);
        LocalDate to = DateParameter.parse("to", toDate);
        if (from != null && to != null && to.isBefore(from)) {
            throw DomainException.invalid("to", "must not be before from");
        }
        return queries.list(Tenant.of(caller), viewerOf(caller),
                new BugFilter(blankToNull(campaign), status, severity, blankToNull(tester), from, to), page);
    }

    @GetMapping("/{id}")
    BugView get(Caller caller, @PathVariable String id) {
        return queries.find(new FindBugQuery(id, Tenant.of(caller), viewerOf(caller)))
                .orElseThrow(() -> DomainException.notFound("Bug"));
    }

    /** Owners hold {@code campaigns}, testers {@code tester}; no role holds both. */
    private static BugViewer viewerOf(Caller caller) {
        return caller.scopes().contains(Scope.CAMPAIGNS) ? BugViewer.OWNER : BugViewer.TESTER;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
