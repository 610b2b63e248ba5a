package com.crowdledger.query.partner;

import com.crowdledger.queries.partner.FindPartnerQuery;
import com.crowdledger.queries.partner.PartnerSummary;
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

/** The caller's partners, in the mode of its key (the seed's {@code GET /partners} and {@code /partners/:id}). */
@RestController
@RequestMapping("/v1/partners")
@Authenticated(scope = Scope.TRACKING)
class PartnerQueryController {
    private final PartnerQueries queries;

    PartnerQueryController(PartnerQueries queries) {
        this.queries = queries;
    }

    /** Newest first, one page at a time ({@code ?limit=&cursor=}). */
    @GetMapping
    ListPage<PartnerSummary> list(Caller caller, PageRequest page) {
        return queries.list(Tenant.of(caller), page);
    }

    @GetMapping("/{id}")
    PartnerSummary get(Caller caller, @PathVariable String id) {
        return queries.find(new FindPartnerQuery(id, Tenant.of(caller)))
                .orElseThrow(() -> DomainException.notFound("Partner"));
    }
}
