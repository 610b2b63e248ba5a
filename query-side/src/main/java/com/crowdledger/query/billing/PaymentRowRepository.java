package com.crowdledger.query.billing;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRowRepository extends JpaRepository<PaymentRow, String> {
    @Query("select e from PaymentRow e where e.id = :id and " + Tenancy.OWNED)
    Optional<PaymentRow> find(Tenant tenant, String id);

    /** The tenant's payments, newest first (index payments_account). */
    @Query("select e from PaymentRow e where " + Tenancy.OWNED + " and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<PaymentRow> page(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);
}
