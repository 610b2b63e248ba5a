package com.crowdledger.query.analytics;

import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.DateParameter;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's analytics, for its owner. */
@RestController
@Authenticated(scope = Scope.CAMPAIGNS)
class AnalyticsController {
    private final CampaignAnalyticsQueries queries;

    AnalyticsController(CampaignAnalyticsQueries queries) {
        this.queries = queries;
    }

    /**
     * The campaign's figures over UTC days {@code from} to {@code to}, both included, at most 366 days (default: to
     * today, from the campaign's first day or a year back). See the answer's description for what each counts.
     */
    @GetMapping("/v1/analytics")
    @Errors(ErrorCode.NOT_FOUND) // no campaign of the caller's with this id
    CampaignAnalytics analytics(Caller caller, @RequestParam String campaign,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return queries.analytics(Tenant.of(caller), campaign, DateParameter.parse("from", from),
                DateParameter.parse("to", to));
    }
}
