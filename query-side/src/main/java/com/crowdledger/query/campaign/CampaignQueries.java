package com.crowdledger.query.campaign;

import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.queries.campaign.CampaignView;
import com.crowdledger.queries.campaign.FindCampaignQuery;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Campaigns as their owner sees them, and as testers discover them. */
@Component
class CampaignQueries {
    private final CampaignRowRepository campaigns;

    CampaignQueries(CampaignRowRepository campaigns) {
        this.campaigns = campaigns;
    }

    @QueryHandler
    Optional<CampaignView> find(FindCampaignQuery query) {
        return campaigns.find(query.tenant(), query.campaignId()).map(CampaignRow::view);
    }

    ListPage<CampaignView> list(Tenant owner, CampaignStatus status, Platform platform, PageRequest page) {
        List<CampaignRow> rows = campaigns.page(owner, status, platform, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, CampaignRow::position, found -> found.stream().map(CampaignRow::view).toList());
    }

    /** Campaigns a tester of this mode, testing on these platforms, can join now. */
    ListPage<OpenCampaignView> open(Mode mode, Set<Platform> platforms, String testerAccountId, PageRequest page) {
        if (platforms.isEmpty()) {
            return ListPage.complete(List.of());
        }
        List<CampaignRow> rows = campaigns.openPage(mode, platforms, testerAccountId, page.afterCreatedAt(),
                page.afterId(), page.fetchLimit());
        return page.toListPage(rows, CampaignRow::position,
                found -> found.stream().map(CampaignRow::openView).toList());
    }
}
