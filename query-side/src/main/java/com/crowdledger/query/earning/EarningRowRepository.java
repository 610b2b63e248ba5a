package com.crowdledger.query.earning;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EarningRowRepository extends JpaRepository<EarningRow, String> {
    /** The earnings of the tester account the tenant is, newest first (index earnings_tester). */
    @Query("select e from EarningRow e where e.testerAccountId = :#{#tenant.accountId()}"
            + " and " + Tenancy.IN_MODES + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<EarningRow> pageOfTester(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);
}
