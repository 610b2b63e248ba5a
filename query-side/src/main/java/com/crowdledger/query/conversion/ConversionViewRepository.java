package com.crowdledger.query.conversion;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ConversionViewRepository extends Repository<ConversionView, String> {
    @Query("select e from ConversionView e where e.id = :id and " + Tenancy.OWNED)
    Optional<ConversionView> find(Tenant tenant, String id);

    /**
     * One page of the tenant's conversions created in [from, to), newest first; a null offer or partner filters
     * nothing (indexes conversions_account, _offer, _partner).
     */
    @Query("select e from ConversionView e where " + Tenancy.OWNED
            + " and e.createdAt >= :from and e.createdAt < :to"
            + " and (:offerId is null or e.offerId = :offerId) and (:partnerId is null or e.partnerId = :partnerId)"
            + " and e.status in :statuses and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<ConversionView> page(Tenant tenant, Instant from, Instant to, String offerId, String partnerId,
                              Set<ConversionStatus> statuses, Instant afterCreatedAt, String afterId, Limit limit);
}
