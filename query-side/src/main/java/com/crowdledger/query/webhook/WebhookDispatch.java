package com.crowdledger.query.webhook;

import com.crowdledger.query.batching.UnitOfWorkBatch;
import com.crowdledger.query.delivery.Deliveries;
import com.crowdledger.query.delivery.NewDelivery;
import com.crowdledger.query.eventlog.EventTypes;
import com.crowdledger.query.eventlog.PublicEvent;
import com.crowdledger.query.eventlog.PublicEvents;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.processing.Tracking;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns every tenant event into deliveries: one per enabled endpoint of the event's account and mode that subscribes
 * to its type ({@code *} or the type itself), queued in PostgreSQL in the batch's transaction with the processor's
 * token, so an event is queued once for all (a batch that fails is retried whole, and queuing is idempotent).
 *
 * <p>A processing group of its own, tracking: it never slows or fails a command, and it has no reset handler, so
 * rebuilding read models never sends anything again. It starts at the head of the event store the first time it
 * runs ({@code fromStart = false}): a new deployment, or a lost token, must not send the whole history. An endpoint
 * receives only events that happened once it was registered (or enabled again): this processor may be behind the
 * endpoint view, which is projected in the command's own transaction, and must not hand an endpoint events that
 * were stored before it existed.
 */
@Component
@Tracking(batchSize = 100, fromStart = false)
@ProcessingGroup(WebhookDispatch.PROCESSING_GROUP)
class WebhookDispatch {
    static final String PROCESSING_GROUP = "webhook-dispatch";
    private static final String ENDPOINTS_OF_BATCH = WebhookDispatch.class.getName() + ".endpoints";

    private final WebhookEndpointViewRepository endpoints;
    private final PublicEvents publicEvents;
    private final WebhookPayloads payloads;
    private final Deliveries deliveries;

    WebhookDispatch(WebhookEndpointViewRepository endpoints, PublicEvents publicEvents, WebhookPayloads payloads,
                    Deliveries deliveries) {
        this.endpoints = endpoints;
        this.publicEvents = publicEvents;
        this.payloads = payloads;
        this.deliveries = deliveries;
    }

    @EventHandler
    void on(TenantEvent event, EventMessage<?> message) {
        String type = EventTypes.nameOf(message.getPayloadType());
        Instant at = message.getTimestamp();
        List<WebhookEndpointView> targets = enabledEndpoints(new Tenant(event.accountId(), EnumSet.of(event.mode())))
                .stream().filter(endpoint -> endpoint.receives(type, at)).toList();
        if (targets.isEmpty()) {
            return;
        }
        PublicEvent described = publicEvents.describe(message);
        String body = payloads.body(described);
        Instant now = Instant.now();
        deliveries.queue(targets.stream().map(endpoint -> new NewDelivery(WebhookDeliveryKind.NAME, endpoint.id(),
                event.accountId(), event.mode(), described.id(), type, body, now)).toList());
    }

    /** The tenant's enabled endpoints, read once per batch. */
    private List<WebhookEndpointView> enabledEndpoints(Tenant tenant) {
        return UnitOfWorkBatch.readOnce(ENDPOINTS_OF_BATCH, tenant, endpoints::enabled);
    }
}
