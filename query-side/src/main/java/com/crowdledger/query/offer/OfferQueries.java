package com.crowdledger.query.offer;

import com.crowdledger.queries.offer.FindOfferQuery;
import com.crowdledger.queries.offer.OfferSummary;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Offers as their owner sees them; another account's offer, or one of the other mode, is not there. */
@Component
class OfferQueries {
    private final OfferViewRepository offers;

    OfferQueries(OfferViewRepository offers) {
        this.offers = offers;
    }

    @QueryHandler
    Optional<OfferSummary> find(FindOfferQuery query) {
        return offers.find(query.tenant(), query.offerId()).map(OfferView::summary);
    }

    ListPage<OfferSummary> list(Tenant tenant, PageRequest page) {
        List<OfferView> rows = offers.page(tenant, page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, OfferView::position, views -> views.stream().map(OfferView::summary).toList());
    }
}
