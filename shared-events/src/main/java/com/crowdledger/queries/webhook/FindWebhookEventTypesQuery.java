package com.crowdledger.queries.webhook;

/** The names of every event type an endpoint can subscribe to, answered with {@link WebhookEventTypeNames}. */
public record FindWebhookEventTypesQuery() {
}
