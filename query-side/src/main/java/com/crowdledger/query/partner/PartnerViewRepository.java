package com.crowdledger.query.partner;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerViewRepository extends JpaRepository<PartnerView, String> {
    @Query("select e from PartnerView e where e.id = :id and " + Tenancy.OWNED)
    Optional<PartnerView> find(Tenant tenant, String id);

    /** One page of the tenant's partners, newest first (index partners_account). */
    @Query("select e from PartnerView e where " + Tenancy.OWNED + " and " + Keyset.AFTER + " order by "
            + Keyset.NEWEST_FIRST)
    List<PartnerView> page(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);
}
