package com.crowdledger.query.billing;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LedgerEntryRowRepository extends JpaRepository<LedgerEntryRow, String> {
    /** The tenant's ledger, newest first (index ledger_entries_account). */
    @Query("select e from LedgerEntryRow e where " + Tenancy.OWNED + " and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<LedgerEntryRow> page(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);

    /** The balance: the sum of the tenant's entries per currency (one, by the one-currency rule). */
    @Query("select e.currency, sum(e.amountCents) from LedgerEntryRow e where " + Tenancy.OWNED
            + " group by e.currency")
    List<Object[]> sums(Tenant tenant);
}
