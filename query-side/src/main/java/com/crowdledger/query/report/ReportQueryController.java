package com.crowdledger.query.report;

import com.crowdledger.query.tracking.Period;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Tenant;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/reports?from=&to=&offer=&partner=&groupBy=day,offer,partner,sub1&currency=} (the seed's
 * {@code GET /reports}): clicks, unique clicks, conversions, CVR, revenue, payout, profit and EPC per group and in
 * total, over whole UTC days (default: the last 30, grouped by day). Offers of several currencies are reported one
 * currency at a time. Built from rollups, so a year answers as fast as a day; they follow clicks and postbacks
 * within moments.
 */
@RestController
@Authenticated(scope = Scope.TRACKING)
class ReportQueryController {
    private final ReportQueries reports;

    ReportQueryController(ReportQueries reports) {
        this.reports = reports;
    }

    @GetMapping("/v1/reports")
    TrackingReport report(Caller caller, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) String offer,
                          @RequestParam(required = false) String partner,
                          @RequestParam(required = false) String groupBy,
                          @RequestParam(required = false) String currency) {
        if (currency != null) {
            try {
                Money.currencyOf(currency);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(ReportQueries.CURRENCY, e.getMessage());
            }
        }
        return reports.report(Tenant.of(caller), Period.ofReport(from, to, Clock.systemUTC()), offer, partner, currency,
                ReportQueries.dimensions(groupBy == null ? "day" : groupBy));
    }
}
