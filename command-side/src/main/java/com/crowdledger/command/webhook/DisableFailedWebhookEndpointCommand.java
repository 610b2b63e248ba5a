package com.crowdledger.command.webhook;

import com.crowdledger.events.webhook.WebhookDisabledReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The platform disables an endpoint the dispatcher gave up on; nothing happens if it is already disabled or gone. */
record DisableFailedWebhookEndpointCommand(@TargetAggregateIdentifier String webhookId, WebhookDisabledReason reason) {
}
