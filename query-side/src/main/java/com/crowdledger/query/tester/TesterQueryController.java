package com.crowdledger.query.tester;

import com.crowdledger.queries.tester.TesterProfileView;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Owners find testers of their key's mode, with each one's accepted bugs and rating. */
@RestController
@Authenticated(scope = Scope.CAMPAIGNS)
class TesterQueryController {
    private final TesterQueries queries;

    TesterQueryController(TesterQueries queries) {
        this.queries = queries;
    }

    /** Newest first, one page at a time; {@code platform}: only testers who test on it. */
    @GetMapping("/v1/testers")
    ListPage<TesterProfileView> list(Caller caller, @RequestParam(required = false) Platform platform,
                                     PageRequest page) {
        return queries.list(caller.mode(), platform, page);
    }
}
