package com.crowdledger.query.delivery;

import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log as every kind's API shows it: a target's deliveries of one kind, newest first, each with every
 * attempt, and a retry of one now. Each kind renders a delivery in its own words ({@link View}): a webhook's names its
 * endpoint, a postback's its partner and conversion. Every read takes the caller's {@link Tenant}: another account's
 * deliveries, or the other mode's, are not found.
 */
@Service
public class DeliveryLog {
    private final DeliveryRepository deliveries;
    private final Deliveries engine;
    @PersistenceContext
    private EntityManager entityManager;

    DeliveryLog(DeliveryRepository deliveries, Deliveries engine) {
        this.deliveries = deliveries;
        this.engine = engine;
    }

    /** One attempt: when, the HTTP status (null: no answer), how long, what went wrong, the answer's first 1 KiB. */
    public record LoggedAttempt(int attempt, Instant attemptedAt, @Nullable Integer statusCode, int durationMs,
                                @Nullable String error, @Nullable String responseBody) {
    }

    /** A delivery as a kind's API shows it. */
    @FunctionalInterface
    public interface View<T> {
        T of(Delivery delivery, List<LoggedAttempt> attempts);
    }

    /** One page of the target's deliveries of this kind, newest first; {@code status} narrows them. */
    @Transactional(readOnly = true)
    public <T> ListPage<T> page(Tenant tenant, String kind, String targetId, @Nullable DeliveryStatus status,
                                PageRequest page, View<T> view) {
        List<Delivery> rows = status == null
                ? deliveries.page(tenant, kind, targetId, page.afterCreatedAt(), page.afterId(), page.fetchLimit())
                : deliveries.pageInStatus(tenant, kind, targetId, status, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, Delivery::position, kept -> withAttempts(tenant, kept, view));
    }

    /** The tenant's delivery of this kind (an id that is not a delivery's is not found either). */
    public Optional<Delivery> find(Tenant tenant, String kind, String deliveryId) {
        return Ids.hasPrefix(deliveryId, Ids.DELIVERY) ? deliveries.find(tenant, kind, deliveryId) : Optional.empty();
    }

    /** The tenant's delivery of this kind for one event to one target. */
    public Optional<Delivery> findOfEvent(Tenant tenant, String kind, String targetId, String eventId) {
        return deliveries.findOfEvent(tenant, kind, targetId, eventId);
    }

    /**
     * Makes the delivery due now for another attempt with the same event id, from any state; joins the caller's
     * transaction (whose checks, such as the target's state, go with it).
     *
     * @throws DomainException CONFLICT while an attempt is being made
     */
    @Transactional
    public <T> T retryNow(Tenant tenant, Delivery delivery, View<T> view) {
        if (!engine.retryNow(delivery.id())) {
            throw DomainException.conflict("An attempt of this delivery is being made right now; retry once it ends");
        }
        entityManager.refresh(delivery); // made due by plain SQL, and locked by it until this transaction ends
        return withAttempts(tenant, List.of(delivery), view).get(0);
    }

    /** The deliveries, in order, each with its attempts. */
    public <T> List<T> withAttempts(Tenant tenant, List<Delivery> rows, View<T> view) {
        Map<String, List<LoggedAttempt>> attempts = rows.isEmpty() ? Map.of()
                : deliveries.attemptsOf(tenant, rows.stream().map(Delivery::id).toList()).stream()
                .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId, Collectors.mapping(
                        DeliveryLog::logged, Collectors.toList())));
        List<T> result = new ArrayList<>(rows.size());
        for (Delivery row : rows) {
            result.add(view.of(row, attempts.getOrDefault(row.id(), List.of())));
        }
        return result;
    }

    private static LoggedAttempt logged(DeliveryAttempt attempt) {
        return new LoggedAttempt(attempt.attempt(), attempt.attemptedAt(), attempt.statusCode(),
                attempt.durationMs(), attempt.error(), attempt.responseBody());
    }
}
