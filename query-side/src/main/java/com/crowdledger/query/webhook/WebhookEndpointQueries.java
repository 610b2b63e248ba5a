package com.crowdledger.query.webhook;

import com.crowdledger.query.eventlog.EventTypes;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.queries.webhook.FindWebhookEndpointQuery;
import com.crowdledger.queries.webhook.FindWebhookEventTypesQuery;
import com.crowdledger.queries.webhook.WebhookEndpointSummary;
import com.crowdledger.queries.webhook.WebhookEventTypeNames;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Endpoints as their owner sees them, and the names of the event types they may subscribe to. */
@Component
class WebhookEndpointQueries {
    private final WebhookEndpointViewRepository endpoints;
    private final EventTypes eventTypes;

    WebhookEndpointQueries(WebhookEndpointViewRepository endpoints, EventTypes eventTypes) {
        this.endpoints = endpoints;
        this.eventTypes = eventTypes;
    }

    @QueryHandler
    Optional<WebhookEndpointSummary> find(FindWebhookEndpointQuery query) {
        return endpoints.find(query.tenant(), query.webhookId()).map(view -> view.summary(Instant.now()));
    }

    @QueryHandler
    WebhookEventTypeNames eventTypeNames(FindWebhookEventTypesQuery query) {
        Set<String> names = new HashSet<>(eventTypes.readableWith(query.scopes()));
        names.add(EventTypes.WEBHOOK_TEST);
        return new WebhookEventTypeNames(names);
    }

    ListPage<WebhookEndpointSummary> list(Tenant tenant, PageRequest page) {
        List<WebhookEndpointView> rows = endpoints.page(tenant, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        Instant now = Instant.now();
        return page.toListPage(rows, WebhookEndpointView::position,
                views -> views.stream().map(view -> view.summary(now)).toList());
    }
}
