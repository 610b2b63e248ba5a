package com.crowdledger.queries.webhook;

import com.crowdledger.shared.web.Tenant;

/** One webhook endpoint as its owner sees it: within the tenant, or nothing. */
public record FindWebhookEndpointQuery(String webhookId, Tenant tenant) {
}
