package com.crowdledger.query.webhook;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WebhookEndpointViewRepository extends JpaRepository<WebhookEndpointView, String> {
    @Query("select e from WebhookEndpointView e where e.id = :id and " + Tenancy.OWNED)
    Optional<WebhookEndpointView> find(Tenant tenant, String id);

    /**
     * A delivery's endpoint, in the account and mode the delivery was queued for. Plain parameters rather than
     * {@link Tenancy#OWNED}'s expressions: this runs for every delivery, and evaluating those cost more than the query.
     */
    @CrossTenant("the delivery engine has no caller: the delivery row names the account and mode, and only they match")
    @Query("select e from WebhookEndpointView e where e.id = :id and e.accountId = :accountId and e.mode = :mode")
    Optional<WebhookEndpointView> findForDelivery(String id, String accountId, Mode mode);

    /** One page of the tenant's endpoints, newest first (index webhook_endpoints_account). */
    @Query("select e from WebhookEndpointView e where " + Tenancy.OWNED + " and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<WebhookEndpointView> page(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);

    /** The tenant's enabled endpoints (a handful at most: their number per account and mode is limited). */
    @Query("select e from WebhookEndpointView e where " + Tenancy.OWNED
            + " and e.status = com.crowdledger.events.webhook.WebhookEndpointStatus.ENABLED")
    List<WebhookEndpointView> enabled(Tenant tenant);
}
