package com.crowdledger.query.webhook;

import com.crowdledger.events.webhook.WebhookEndpointChangedEvent;
import com.crowdledger.events.webhook.WebhookEndpointCreatedEvent;
import com.crowdledger.events.webhook.WebhookEndpointDeletedEvent;
import com.crowdledger.events.webhook.WebhookEndpointDisabledEvent;
import com.crowdledger.events.webhook.WebhookEndpointEnabledEvent;
import com.crowdledger.events.webhook.WebhookSecretRotatedEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects webhook endpoints. Subscribing, so an endpoint is there when the command that made or changed it answers.
 * Rebuildable: it only assigns. The dispatch ({@link WebhookDispatch}) is a processing group of its own without a
 * reset handler, so rebuilding this view never sends anything.
 */
@Component
@Subscribing
@ProcessingGroup(WebhookEndpointProjection.PROCESSING_GROUP)
class WebhookEndpointProjection {
    static final String PROCESSING_GROUP = "webhook-view";

    private final WebhookEndpointViewRepository endpoints;

    WebhookEndpointProjection(WebhookEndpointViewRepository endpoints) {
        this.endpoints = endpoints;
    }

    @EventHandler
    void on(WebhookEndpointCreatedEvent event) {
        endpoints.save(new WebhookEndpointView(event.webhookId(), event.accountId(), event.mode(), event.url(),
                event.eventTypes(), event.description(), event.secretRef(), event.createdAt()));
    }

    @EventHandler
    void on(WebhookEndpointChangedEvent event) {
        endpoints.findById(event.webhookId())
                .ifPresent(e -> e.change(event.url(), event.eventTypes(), event.description(), event.changedAt()));
    }

    @EventHandler
    void on(WebhookEndpointEnabledEvent event) {
        endpoints.findById(event.webhookId()).ifPresent(e -> e.enable(event.enabledAt()));
    }

    @EventHandler
    void on(WebhookEndpointDisabledEvent event) {
        endpoints.findById(event.webhookId()).ifPresent(e -> e.disable(event.reason(), event.disabledAt()));
    }

    @EventHandler
    void on(WebhookSecretRotatedEvent event) {
        endpoints.findById(event.webhookId()).ifPresent(e -> e.rotateSecret(event.secretRef(),
                event.previousSecretRef(), event.previousSecretExpiresAt(), event.rotatedAt()));
    }

    @EventHandler
    void on(WebhookEndpointDeletedEvent event) {
        endpoints.deleteById(event.webhookId());
        endpoints.flush();
    }

    @ResetHandler
    void reset() {
        endpoints.deleteAllInBatch();
    }
}
