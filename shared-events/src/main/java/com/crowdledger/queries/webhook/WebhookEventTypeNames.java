package com.crowdledger.queries.webhook;

import java.util.Set;

/** Event type names webhooks carry ({@code api_key.issued}...) that a key may subscribe to. */
public record WebhookEventTypeNames(Set<String> names) {
    public WebhookEventTypeNames {
        names = Set.copyOf(names);
    }
}
