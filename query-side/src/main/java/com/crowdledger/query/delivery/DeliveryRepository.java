package com.crowdledger.query.delivery;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The tenant's deliveries and their attempts, for the API. */
public interface DeliveryRepository extends JpaRepository<Delivery, String> {
    @Query("select e from Delivery e where e.id = :id and e.kind = :kind and " + Tenancy.OWNED)
    Optional<Delivery> find(Tenant tenant, String kind, String id);

    @Query("select e from Delivery e where e.kind = :kind and e.targetId = :targetId and e.eventId = :eventId and "
            + Tenancy.OWNED)
    Optional<Delivery> findOfEvent(Tenant tenant, String kind, String targetId, String eventId);

    /** One page of a target's deliveries, newest first (index deliveries_target). */
    @Query("select e from Delivery e where e.kind = :kind and e.targetId = :targetId and " + Tenancy.OWNED + " and "
            + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<Delivery> page(Tenant tenant, String kind, String targetId, Instant afterCreatedAt, String afterId,
                        Limit limit);

    /** One page of a target's deliveries in one status, newest first (index deliveries_target_status). */
    @Query("select e from Delivery e where e.kind = :kind and e.targetId = :targetId and " + Tenancy.OWNED
            + " and e.status = :status and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<Delivery> pageInStatus(Tenant tenant, String kind, String targetId, DeliveryStatus status,
                                Instant afterCreatedAt, String afterId, Limit limit);

    /** The attempts of the tenant's deliveries among {@code ids}, in order. */
    @Query("select a from DeliveryAttempt a join Delivery e on a.deliveryId = e.id where e.id in :ids and "
            + Tenancy.OWNED + " order by a.deliveryId, a.attempt")
    List<DeliveryAttempt> attemptsOf(Tenant tenant, Collection<String> ids);
}
