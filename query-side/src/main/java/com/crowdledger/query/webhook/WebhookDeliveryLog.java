package com.crowdledger.query.webhook;

import com.crowdledger.query.delivery.Deliveries;
import com.crowdledger.query.delivery.Delivery;
import com.crowdledger.query.delivery.DeliveryLog;
import com.crowdledger.query.delivery.DeliveryStatus;
import com.crowdledger.query.delivery.NewDelivery;
import com.crowdledger.query.eventlog.EventTypes;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An endpoint's deliveries with every attempt, and the two ways to send one now: a retry, or a test delivery. */
@Service
class WebhookDeliveryLog {
    private final WebhookEndpointViewRepository endpoints;
    private final DeliveryLog log;
    private final Deliveries engine;
    private final WebhookPayloads payloads;

    WebhookDeliveryLog(WebhookEndpointViewRepository endpoints, DeliveryLog log, Deliveries engine,
                       WebhookPayloads payloads) {
        this.endpoints = endpoints;
        this.log = log;
        this.engine = engine;
        this.payloads = payloads;
    }

    /**
     * A delivery of one event to one endpoint: {@code eventId} is its {@code webhook-id}, the same on every attempt.
     * {@code nextAttemptAt} is set while pending; {@code canceledBecause} when canceled.
     */
    record WebhookDelivery(String id, String webhookId, String eventId, String eventType, DeliveryStatus status,
                           List<DeliveryLog.LoggedAttempt> attempts, @Nullable Instant nextAttemptAt,
                           @Nullable String canceledBecause, Instant createdAt, @Nullable Instant completedAt) {
        static WebhookDelivery of(Delivery row, List<DeliveryLog.LoggedAttempt> attempts) {
            return new WebhookDelivery(row.id(), row.targetId(), row.eventId(), row.eventType(), row.status(),
                    attempts, row.nextAttemptAt(), row.canceledBecause(), row.createdAt(), row.completedAt());
        }
    }

    @Transactional(readOnly = true)
    ListPage<WebhookDelivery> list(Tenant tenant, String webhookId, DeliveryStatus status, PageRequest page) {
        requireEndpoint(tenant, webhookId);
        return log.page(tenant, WebhookDeliveryKind.NAME, webhookId, status, page, WebhookDelivery::of);
    }

    /** Sends the delivery again now, with the same webhook-id (from a failed, succeeded or pending state alike). */
    @Transactional
    WebhookDelivery retry(Tenant tenant, String deliveryId) {
        Delivery delivery = log.find(tenant, WebhookDeliveryKind.NAME, deliveryId)
                .orElseThrow(() -> DomainException.notFound("Delivery"));
        WebhookEndpointView endpoint = endpoints.find(tenant, delivery.targetId())
                .orElseThrow(() -> DomainException.conflict("The delivery's endpoint was deleted"));
        requireEnabled(endpoint);
        return log.retryNow(tenant, delivery, WebhookDelivery::of);
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
        Delivery queued = log.findOfEvent(tenant, WebhookDeliveryKind.NAME, webhookId, eventId).orElseThrow();
        return log.withAttempts(tenant, List.of(queued), WebhookDelivery::of).get(0);
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
