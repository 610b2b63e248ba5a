package com.crowdledger.query.campaign;

import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.query.tester.TesterPlatforms;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work for testers: active campaigns of every account, in the mode of the tester's key, with free places, on the
 * platforms of the tester's profile, that it has not joined yet.
 */
@RestController
@Authenticated(scope = Scope.TESTER)
class OpenCampaignController {
    private final CampaignQueries queries;
    private final TesterPlatforms testerPlatforms;

    OpenCampaignController(CampaignQueries queries, TesterPlatforms testerPlatforms) {
        this.queries = queries;
        this.testerPlatforms = testerPlatforms;
    }

    /** Newest first, one page at a time; empty until the tester's profile names its platforms. */
    @GetMapping("/v1/campaigns/open")
    ListPage<OpenCampaignView> open(Caller caller, PageRequest page) {
        Tenant tester = Tenant.of(caller);
        return queries.open(caller.mode(), testerPlatforms.of(tester), caller.accountId(), page);
    }
}
