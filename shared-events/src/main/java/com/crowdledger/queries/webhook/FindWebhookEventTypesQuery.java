package com.crowdledger.queries.webhook;

import com.crowdledger.shared.Scope;
import java.util.Set;

/**
 * The names of the event types a key of these scopes may subscribe an endpoint to (the families its scopes read in
 * the event log), answered with {@link WebhookEventTypeNames}.
 */
public record FindWebhookEventTypesQuery(Set<Scope> scopes) {
    public FindWebhookEventTypesQuery {
        scopes = Set.copyOf(scopes);
    }
}
