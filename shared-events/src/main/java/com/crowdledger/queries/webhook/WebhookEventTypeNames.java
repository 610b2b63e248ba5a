package com.crowdledger.queries.webhook;

import java.util.Set;

/** Every event type name webhooks carry ({@code api_key.issued}...). */
public record WebhookEventTypeNames(Set<String> names) {
    public WebhookEventTypeNames {
        names = Set.copyOf(names);
    }
}
