package com.crowdledger.command.webhook;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register an endpoint for the tenant's account in {@code mode}. The URL was checked against the SSRF guard and the
 * event types against the catalog before sending; the secret is already in the vault ({@code secretRef}).
 */
record CreateWebhookEndpointCommand(
        @TargetAggregateIdentifier String webhookId,
        Tenant tenant,
        Mode mode,
        String url,
        List<String> eventTypes,
        String description,
        String secretRef) {
}
