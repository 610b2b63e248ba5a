package com.crowdledger.query.webhook;

import com.crowdledger.events.webhook.WebhookDisabledReason;
import com.crowdledger.events.webhook.WebhookEndpointFailedEvent;
import com.crowdledger.query.delivery.DeliveryKind;
import com.crowdledger.query.delivery.OutboundRequest;
import com.crowdledger.query.delivery.QueuedDelivery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Webhooks as a kind of delivery: a signed POST of the queued body to the endpoint's URL as it is when the delivery
 * is claimed (read once for the claim's deliveries to it; a changed URL takes effect for pending retries too), with
 * the Standard Webhooks headers. An endpoint deleted or disabled since the delivery was queued gets nothing. Given up on, the endpoint is disabled: the dispatcher states why, as
 * {@link WebhookEndpointFailedEvent}, and the command side disables it.
 */
@Component
class WebhookDeliveryKind implements DeliveryKind {
    static final String NAME = "webhook";
    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    private final WebhookEndpointViewRepository endpoints;
    private final WebhookSignatures signatures;
    private final EventGateway events;

    WebhookDeliveryKind(WebhookEndpointViewRepository endpoints, WebhookSignatures signatures, EventGateway events) {
        this.endpoints = endpoints;
        this.signatures = signatures;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Target target(QueuedDelivery delivery) {
        Optional<WebhookEndpointView> found = endpoints.findForDelivery(delivery.targetId(), delivery.accountId(),
                delivery.mode());
        if (found.isEmpty()) {
            return (queued, now) -> Prepared.cancel("the endpoint was deleted");
        }
        WebhookEndpointView endpoint = found.get();
        if (!endpoint.enabled()) {
            return (queued, now) -> Prepared.cancel("the endpoint is disabled");
        }
        URI url = URI.create(endpoint.url());
        return (queued, now) -> {
            long timestamp = now.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(ID, queued.eventId());
            headers.put(TIMESTAMP, Long.toString(timestamp));
            headers.put(SIGNATURE, signatures.header(endpoint, queued.eventId(), timestamp, queued.payload(), now));
            return Prepared.send(new OutboundRequest("POST", url, headers,
                    queued.payload().getBytes(StandardCharsets.UTF_8)));
        };
    }

    @Override
    public void giveUp(QueuedDelivery delivery, TargetFailure failure, Instant failingSince, String detail) {
        events.publish(new WebhookEndpointFailedEvent(delivery.targetId(), delivery.accountId(), delivery.mode(),
                failure == TargetFailure.GONE ? WebhookDisabledReason.GONE : WebhookDisabledReason.FAILING,
                failingSince, detail, Instant.now()));
    }
}
