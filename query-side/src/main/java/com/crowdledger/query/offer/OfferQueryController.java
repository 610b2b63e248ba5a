package com.crowdledger.query.offer;

import com.crowdledger.queries.offer.FindOfferQuery;
import com.crowdledger.queries.offer.OfferSummary;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's offers, in the mode of its key (the seed's {@code GET /offers}). */
@RestController
@RequestMapping("/v1/offers")
@Authenticated(scope = Scope.TRACKING)
class OfferQueryController {
    private final OfferQueries queries;

    OfferQueryController(OfferQueries queries) {
        this.queries = queries;
    }

    /** Newest first, one page at a time ({@code ?limit=&cursor=}). */
    @GetMapping
    ListPage<OfferSummary> list(Caller caller, PageRequest page) {
        return queries.list(Tenant.of(caller), page);
    }

    @GetMapping("/{id}")
    OfferSummary get(Caller caller, @PathVariable String id) {
        return queries.find(new FindOfferQuery(id, Tenant.of(caller)))
                .orElseThrow(() -> DomainException.notFound("Offer"));
    }
}
