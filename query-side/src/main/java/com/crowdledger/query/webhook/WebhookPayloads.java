package com.crowdledger.query.webhook;

import com.crowdledger.query.eventlog.EventIds;
import com.crowdledger.query.eventlog.EventTypes;
import com.crowdledger.query.eventlog.PublicEvent;
import com.crowdledger.query.eventlog.PublicEvents;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The body of a webhook: {@code {"id", "type", "createdAt", "mode", "data"}}, the event as the event log shows it.
 * Written once, when the delivery is queued, so every attempt sends the same bytes. Also the example of each type.
 */
@Component
class WebhookPayloads {
    private static final Instant EXAMPLE_AT = Instant.parse("2026-11-23T10:15:30.123456Z");

    private final PublicEvents publicEvents;
    private final List<Example> examples;

    record Example(String type, Map<String, Object> body) {
    }

    WebhookPayloads(PublicEvents publicEvents, EventTypes eventTypes) {
        this.publicEvents = publicEvents;
        List<Example> all = new ArrayList<>();
        eventTypes.catalog().forEach((type, eventClass) -> all.add(example(type, publicEvents.exampleData(eventClass))));
        all.add(example(EventTypes.WEBHOOK_TEST, testData(Ids.WEBHOOK + "0123456789ABCDEFabcdef")));
        all.sort((a, b) -> a.type().compareTo(b.type()));
        this.examples = List.copyOf(all);
    }

    String body(PublicEvent event) {
        return publicEvents.write(body(event.id(), event.type(), event.createdAt(), event.mode(), event.data()));
    }

    /** The body of a test delivery to one endpoint; it is in no event log, as no event caused it. */
    String testBody(String eventId, String webhookId, Instant at, Mode mode) {
        return publicEvents.write(body(eventId, EventTypes.WEBHOOK_TEST, at, mode, testData(webhookId)));
    }

    /** Every type, in name order, with a body of that type. */
    List<Example> examples() {
        return examples;
    }

    private Example example(String type, ObjectNode data) {
        return new Example(type, publicEvents.toMap(body(EventIds.of("example:" + type), type, EXAMPLE_AT, Mode.LIVE,
                data)));
    }

    private ObjectNode testData(String webhookId) {
        ObjectNode data = publicEvents.newObject();
        data.put("webhookId", webhookId);
        data.put("message", "A test delivery: your endpoint is reachable and can check the signature.");
        return data;
    }

    private ObjectNode body(String id, String type, Instant createdAt, Mode mode, ObjectNode data) {
        ObjectNode body = publicEvents.newObject();
        body.put("id", id);
        body.put("type", type);
        body.put("createdAt", createdAt.toString());
        body.put("mode", mode.wireName());
        body.set("data", data);
        return body;
    }
}
