package com.crowdledger.query.notification;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The recipient's notifications: {@code accountId} is the recipient, so {@link Tenancy#OWNED} is the filter. */
public interface NotificationRowRepository extends JpaRepository<NotificationRow, Long> {
    @Query("select e from NotificationRow e where e.id = :id and " + Tenancy.OWNED)
    Optional<NotificationRow> find(Tenant tenant, String id);

    /** Newest first (index notifications_recipient). */
    @Query("select e from NotificationRow e where " + Tenancy.OWNED + " and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<NotificationRow> page(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);

    /** The unread ones, newest first (partial index notifications_unread). */
    @Query("select e from NotificationRow e where " + Tenancy.OWNED + " and e.readAt is null and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<NotificationRow> pageUnread(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);

    @Query("select count(e) from NotificationRow e where " + Tenancy.OWNED + " and e.readAt is null")
    long countUnread(Tenant tenant);
}
