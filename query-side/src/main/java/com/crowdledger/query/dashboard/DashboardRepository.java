package com.crowdledger.query.dashboard;

import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The dashboard's counts and sums, each one indexed aggregate over the tenant's rows. */
public interface DashboardRepository extends JpaRepository<DashboardGameRow, String> {
    @Query("select count(e) from DashboardGameRow e where " + Tenancy.OWNED)
    long games(Tenant tenant);

    @Query("select e.status, count(e) from DashboardPlaytestRow e where " + Tenancy.OWNED + " group by e.status")
    List<Object[]> playtestsByStatus(Tenant tenant);

    @Query("select e.status, count(e) from DashboardSlotRow e where " + Tenancy.OWNED + " group by e.status")
    List<Object[]> slotsByStatus(Tenant tenant);

    @Query("select e.currency, sum(e.amountCents) from DashboardLedgerRow e where " + Tenancy.OWNED
            + " group by e.currency")
    List<Object[]> balance(Tenant tenant);

    /** What charges and rewards took since {@code from}, less what refunds gave back. */
    @Query("select e.currency, -sum(e.amountCents) from DashboardLedgerRow e where " + Tenancy.OWNED
            + " and e.kind <> com.crowdledger.events.billing.LedgerEntryKind.CREDIT and e.createdAt >= :from"
            + " group by e.currency")
    List<Object[]> spendSince(Tenant tenant, Instant from);
}
