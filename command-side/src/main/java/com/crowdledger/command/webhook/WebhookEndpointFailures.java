package com.crowdledger.command.webhook;

import com.crowdledger.events.webhook.WebhookEndpointFailedEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Disables an endpoint the dispatcher gave up on (it answered 410 Gone, or failed for days). The dispatcher lives on
 * the query side and only states what it saw, as an event; the endpoint's aggregate decides, so its state (enabled or
 * not) is never behind what the read model shows. Subscribing: the endpoint is disabled in the same transaction.
 */
@Component
@Subscribing
@ProcessingGroup(WebhookEndpointFailures.PROCESSING_GROUP)
class WebhookEndpointFailures {
    static final String PROCESSING_GROUP = "webhook-endpoint-failures";

    private final CommandGateway commands;

    WebhookEndpointFailures(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(WebhookEndpointFailedEvent event) {
        commands.sendAndWait(new DisableFailedWebhookEndpointCommand(event.webhookId(), event.reason()));
    }
}
