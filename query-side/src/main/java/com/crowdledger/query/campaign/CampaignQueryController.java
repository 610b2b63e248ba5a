package com.crowdledger.query.campaign;

import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.queries.campaign.CampaignView;
import com.crowdledger.queries.campaign.FindCampaignQuery;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An owner's campaigns, in the mode of its key. */
@RestController
@RequestMapping("/v1/campaigns")
@Authenticated(scope = Scope.CAMPAIGNS)
class CampaignQueryController {
    private final CampaignQueries queries;

    CampaignQueryController(CampaignQueries queries) {
        this.queries = queries;
    }

    /** Newest first, one page at a time; optionally only one status and/or platform. */
    @GetMapping
    ListPage<CampaignView> list(Caller caller, @RequestParam(required = false) CampaignStatus status,
                                @RequestParam(required = false) Platform platform, PageRequest page) {
        return queries.list(Tenant.of(caller), status, platform, page);
    }

    @GetMapping("/{id}")
    CampaignView get(Caller caller, @PathVariable String id) {
        return queries.find(new FindCampaignQuery(id, Tenant.of(caller)))
                .orElseThrow(() -> DomainException.notFound("Campaign"));
    }
}
