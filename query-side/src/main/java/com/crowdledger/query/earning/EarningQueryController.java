package com.crowdledger.query.earning;

import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tester's earnings in the mode of its key; nobody else sees them. */
@RestController
@Authenticated(scope = Scope.TESTER)
class EarningQueryController {
    private final EarningRowRepository earnings;

    EarningQueryController(EarningRowRepository earnings) {
        this.earnings = earnings;
    }

    /** Newest first, one page at a time. */
    @GetMapping("/v1/testers/me/earnings")
    ListPage<EarningView> list(Caller caller, PageRequest page) {
        List<EarningRow> rows = earnings.pageOfTester(Tenant.of(caller), page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, EarningRow::position, found -> found.stream().map(EarningRow::view).toList());
    }
}
