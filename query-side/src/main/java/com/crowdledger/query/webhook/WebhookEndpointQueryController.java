package com.crowdledger.query.webhook;

import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.query.paging.Position;
import com.crowdledger.queries.webhook.FindWebhookEndpointQuery;
import com.crowdledger.queries.webhook.WebhookEndpointSummary;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's webhook endpoints (its key's mode), and the event types they can subscribe to. */
@RestController
@RequestMapping("/v1/webhooks")
@Authenticated(scope = Scope.WEBHOOKS)
class WebhookEndpointQueryController {
    private final WebhookEndpointQueries queries;
    private final WebhookPayloads payloads;

    WebhookEndpointQueryController(WebhookEndpointQueries queries, WebhookPayloads payloads) {
        this.queries = queries;
        this.payloads = payloads;
    }

    /** An event type and the body a webhook of it carries. */
    record WebhookEventType(String type, Map<String, Object> example) {
    }

    /** Newest first, one page at a time ({@code ?limit=&cursor=}). */
    @GetMapping
    ListPage<WebhookEndpointSummary> list(Caller caller, PageRequest page) {
        return queries.list(Tenant.of(caller), page);
    }

    @GetMapping("/{id}")
    WebhookEndpointSummary get(Caller caller, @PathVariable String id) {
        return queries.find(new FindWebhookEndpointQuery(id, Tenant.of(caller)))
                .orElseThrow(() -> DomainException.notFound("Webhook endpoint"));
    }

    /**
     * Every event type an endpoint can subscribe to (or {@code *} for all), in name order, each with an example of
     * the body it is delivered with; {@code webhook.test} is what {@code POST /v1/webhooks/:id/test} sends.
     */
    @GetMapping("/event-types")
    ListPage<WebhookEventType> eventTypes(PageRequest page) {
        List<WebhookPayloads.Example> after = payloads.examples().stream()
                .filter(example -> example.type().compareTo(page.afterId()) > 0)
                .limit(page.limit() + 1L)
                .toList();
        return page.toListPage(after, example -> new Position(Instant.EPOCH, example.type()),
                kept -> kept.stream().map(example -> new WebhookEventType(example.type(), example.body())).toList());
    }
}
