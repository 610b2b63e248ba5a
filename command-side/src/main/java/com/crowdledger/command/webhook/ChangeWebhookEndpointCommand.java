package com.crowdledger.command.webhook;

import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change an endpoint; a null field stays as it is ({@code description} "" clears it). */
record ChangeWebhookEndpointCommand(
        @TargetAggregateIdentifier String webhookId,
        Tenant tenant,
        String url,
        List<String> eventTypes,
        String description,
        WebhookEndpointStatus status) {
}
