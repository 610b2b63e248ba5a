package com.crowdledger.command.webhook;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record DeleteWebhookEndpointCommand(@TargetAggregateIdentifier String webhookId, Tenant tenant) {
}
