package com.crowdledger.query.bug;

import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BugRowRepository extends JpaRepository<BugRow, String> {
    /** A bug of one of the tenant's campaigns. */
    @Query("select e from BugRow e where e.id = :id and e.accountId = :#{#tenant.accountId()}"
            + " and " + Tenancy.IN_MODES)
    Optional<BugRow> findForOwner(Tenant tenant, String id);

    /** A bug the tester account the tenant is reported. */
    @Query("select e from BugRow e where e.id = :id and e.testerAccountId = :#{#tenant.accountId()}"
            + " and " + Tenancy.IN_MODES)
    Optional<BugRow> findForTester(Tenant tenant, String id);
}
