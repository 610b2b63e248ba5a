package com.crowdledger.query.webhook;

import com.crowdledger.events.webhook.WebhookEndpointChangedEvent;
import com.crowdledger.events.webhook.WebhookEndpointEnabledEvent;
import com.crowdledger.query.delivery.Deliveries;
import com.crowdledger.shared.processing.Tracking;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An endpoint its owner changed (a new URL, most often) or enabled again starts its failures afresh: the 5 days of
 * failure that disable it count from its next failed attempt, not from failures of what it was before. In the
 * dispatch's group, which is never replayed by a rebuild.
 */
@Component
@Tracking(batchSize = 100, fromStart = false)
@ProcessingGroup(WebhookDispatch.PROCESSING_GROUP)
class EndpointFailuresRestart {
    private final Deliveries deliveries;

    EndpointFailuresRestart(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventHandler
    void on(WebhookEndpointChangedEvent event) {
        deliveries.restartFailures(WebhookDeliveryKind.NAME, event.webhookId());
    }

    @EventHandler
    void on(WebhookEndpointEnabledEvent event) {
        deliveries.restartFailures(WebhookDeliveryKind.NAME, event.webhookId());
    }
}
