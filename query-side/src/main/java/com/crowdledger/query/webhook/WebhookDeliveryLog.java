package com.crowdledger.query.webhook;

import com.crowdledger.query.delivery.Deliveries;
import com.crowdledger.query.delivery.Delivery;
import com.crowdledger.query.delivery.DeliveryAttempt;
import com.crowdledger.query.delivery.DeliveryRepository;
import com.crowdledger.query.delivery.DeliveryStatus;
import com.crowdledger.query.delivery.NewDelivery;
import com.crowdledger.query.eventlog.EventTypes;
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

/** An endpoint's deliveries with every attempt, and the two ways to send one now: a retry, or a test delivery. */
@Service
class WebhookDeliveryLog {
    private final WebhookEndpointViewRepository endpoints;
    private final DeliveryRepository deliveries;
    private final Deliveries engine;
    private final WebhookPayloads payloads;
    @PersistenceContext
    private EntityManager entityManager;

    WebhookDeliveryLog(WebhookEndpointViewRepository endpoints, DeliveryRepository deliveries, Deliveries engine,
                       WebhookPayloads payloads) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.engine = engine;
        this.payloads = payloads;
    }

    /** One attempt: when, the HTTP status (null: no answer), how long, what went wrong, the answer's first 1 KiB. */
    record WebhookDeliveryAttempt(int attempt, Instant attemptedAt, @Nullable Integer statusCode, int durationMs,
                                  @Nullable String error, @Nullable String responseBody) {
    }

    /**
     * A delivery of one event to one endpoint: {@code eventId} is its {@code webhook-id}, the same on every attempt.
     * {@code nextAttemptAt} is set while pending; {@code canceledBecause} when canceled.
     */
    record WebhookDelivery(String id, String webhookId, String eventId, String eventType, DeliveryStatus status,
                           List<WebhookDeliveryAttempt> attempts, @Nullable Instant nextAttemptAt,
                           @Nullable String canceledBecause, Instant createdAt, @Nullable Instant completedAt) {
    }

    @Transactional(readOnly = true)
    ListPage<WebhookDelivery> list(Tenant tenant, String webhookId, DeliveryStatus status, PageRequest page) {
        requireEndpoint(tenant, webhookId);
        List<Delivery> rows = status == null
                ? deliveries.page(tenant, WebhookDeliveryKind.NAME, webhookId, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit())
                : deliveries.pageInStatus(tenant, WebhookDeliveryKind.NAME, webhookId, status, page.afterCreatedAt(),
                page.afterId(), page.fetchLimit());
        return page.toListPage(rows, Delivery::position, kept -> withAttempts(tenant, kept));
    }

    /** Sends the delivery again now, with the same webhook-id (from a failed, succeeded or pending state alike). */
    @Transactional
    WebhookDelivery retry(Tenant tenant, String deliveryId) {
        Delivery delivery = (Ids.hasPrefix(deliveryId, Ids.DELIVERY)
                ? deliveries.find(tenant, WebhookDeliveryKind.NAME, deliveryId) : Optional.<Delivery>empty())
                .orElseThrow(() -> DomainException.notFound("Delivery"));
        WebhookEndpointView endpoint = endpoints.find(tenant, delivery.targetId())
                .orElseThrow(() -> DomainException.conflict("The delivery's endpoint was deleted"));
        requireEnabled(endpoint);
        if (!engine.retryNow(deliveryId)) {
            throw DomainException.conflict("An attempt of this delivery is being made right now; retry once it ends");
        }
        entityManager.refresh(delivery); // made due by plain SQL, and locked by it until this transaction ends
        return withAttempts(tenant, List.of(delivery)).get(0);
    }

    /** Queues a {@code webhook.test} delivery to the endpoint, whatever event types it subscribes to. */
    @Transactional
    WebhookDelivery test(Tenant tenant, String webhookId) {
        WebhookEndpointView endpoint = requireEndpoint(tenant, webhookId);
        requireEnabled(endpoint);
        String eventId = Ids.next(Ids.EVENT);
        Instant now = Instant.now();
        engine.queue(List.of(new NewDelivery(WebhookDeliveryKind.NAME, webhookId, tenant.accountId(),
                tenant.singleMode(), eventId, EventTypes.WEBHOOK_TEST,
                payloads.testBody(eventId, webhookId, now, tenant.singleMode()), now)));
        Delivery queued = deliveries.findOfEvent(tenant, WebhookDeliveryKind.NAME, webhookId, eventId).orElseThrow();
        return withAttempts(tenant, List.of(queued)).get(0);
    }

    private List<WebhookDelivery> withAttempts(Tenant tenant, List<Delivery> rows) {
        Map<String, List<WebhookDeliveryAttempt>> attempts = rows.isEmpty() ? Map.of()
                : deliveries.attemptsOf(tenant, rows.stream().map(Delivery::id).toList()).stream()
                .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId, Collectors.mapping(
                        WebhookDeliveryLog::attempt, Collectors.toList())));
        List<WebhookDelivery> result = new ArrayList<>(rows.size());
        for (Delivery row : rows) {
            result.add(new WebhookDelivery(row.id(), row.targetId(), row.eventId(), row.eventType(), row.status(),
                    attempts.getOrDefault(row.id(), List.of()), row.nextAttemptAt(), row.canceledBecause(),
                    row.createdAt(), row.completedAt()));
        }
        return result;
    }

    private static WebhookDeliveryAttempt attempt(DeliveryAttempt attempt) {
        return new WebhookDeliveryAttempt(attempt.attempt(), attempt.attemptedAt(), attempt.statusCode(),
                attempt.durationMs(), attempt.error(), attempt.responseBody());
    }

    private WebhookEndpointView requireEndpoint(Tenant tenant, String webhookId) {
        return (Ids.hasPrefix(webhookId, Ids.WEBHOOK) ? endpoints.find(tenant, webhookId)
                : Optional.<WebhookEndpointView>empty())
                .orElseThrow(() -> DomainException.notFound("Webhook endpoint"));
    }

    private static void requireEnabled(WebhookEndpointView endpoint) {
        if (!endpoint.enabled()) {
            throw DomainException.conflict("The endpoint is disabled: enable it first (PATCH status \"enabled\")");
        }
    }
}
