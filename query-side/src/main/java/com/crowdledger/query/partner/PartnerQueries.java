package com.crowdledger.query.partner;

import com.crowdledger.queries.partner.FindPartnerQuery;
import com.crowdledger.queries.partner.PartnerSummary;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Partners as their owner sees them; another account's partner, or one of the other mode, is not there. */
@Component
class PartnerQueries {
    private final PartnerViewRepository partners;

    PartnerQueries(PartnerViewRepository partners) {
        this.partners = partners;
    }

    @QueryHandler
    Optional<PartnerSummary> find(FindPartnerQuery query) {
        return partners.find(query.tenant(), query.partnerId()).map(PartnerView::summary);
    }

    ListPage<PartnerSummary> list(Tenant tenant, PageRequest page) {
        List<PartnerView> rows = partners.page(tenant, page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, PartnerView::position,
                views -> views.stream().map(PartnerView::summary).toList());
    }
}
