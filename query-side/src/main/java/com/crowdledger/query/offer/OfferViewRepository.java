package com.crowdledger.query.offer;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OfferViewRepository extends JpaRepository<OfferView, String> {
    @Query("select e from OfferView e where e.id = :id and " + Tenancy.OWNED)
    Optional<OfferView> find(Tenant tenant, String id);

    /** One page of the tenant's offers, newest first (index offers_account). */
    @Query("select e from OfferView e where " + Tenancy.OWNED + " and " + Keyset.AFTER + " order by "
            + Keyset.NEWEST_FIRST)
    List<OfferView> page(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);
}
