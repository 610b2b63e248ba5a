package com.crowdledger.command.webhook;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sign with the new secret ({@code secretRef}, already in the vault) from now on, and with the current one for 24 h. */
record RotateWebhookSecretCommand(@TargetAggregateIdentifier String webhookId, Tenant tenant,
                                         String secretRef) {
}
