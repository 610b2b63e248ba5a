package com.crowdledger.query.conversion;

import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.query.tracking.Period;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's conversions (the seed's {@code GET /conversions}), newest first, filtered by {@code from}/{@code to}
 * (see {@link Period}), {@code offer}, {@code partner} and {@code status} (one or several, comma-separated: {@code
 * status=pending,approved,paid} lists the conversions a report counts). The list follows postbacks within moments
 * (a tracking processor writes it); a postback's own answer carries its conversion at once.
 */
@RestController
@RequestMapping("/v1/conversions")
@Authenticated(scope = Scope.TRACKING)
class ConversionQueryController {
    private final ConversionQueries queries;

    ConversionQueryController(ConversionQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    ListPage<ConversionSummary> list(Caller caller, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String offer,
                                     @RequestParam(required = false) String partner,
                                     @RequestParam(required = false) Set<ConversionStatus> status,
                                     PageRequest page) {
        return queries.list(Tenant.of(caller), Period.ofList(from, to), offer, partner, status, page);
    }

    @GetMapping("/{id}")
    ConversionSummary get(Caller caller, @PathVariable String id) {
        return queries.find(Tenant.of(caller), id).orElseThrow(() -> DomainException.notFound("Conversion"));
    }
}
