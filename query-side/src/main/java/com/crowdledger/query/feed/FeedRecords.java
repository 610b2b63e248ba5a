package com.crowdledger.query.feed;

import com.crowdledger.shared.TenantEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * How an event looks on the feed.
 *
 * <ul>
 *   <li>Topic: {@code <prefix>.<family>}, the family being the aggregate type in kebab case ({@code Account} →
 *       {@code crowdledger.account}, {@code ApiKey} → {@code crowdledger.api-key}). An event that no aggregate
 *       applied goes to {@code <prefix>.events}.</li>
 *   <li>Key: the aggregate id, so that all events of one aggregate land in one partition, in order. Without an
 *       aggregate: the account id of a tenant event, else none.</li>
 *   <li>Value: the payload as JSON (same ObjectMapper as the event store) less the hashes of secrets, the fields
 *       named {@code *Hash}: the feed leaves the platform, and a password hash can be attacked offline.</li>
 *   <li>Headers: {@code event-type} (payload class simple name), {@code event-id} (for consumers to drop the
 *       duplicates an at-least-once feed can deliver), {@code aggregate-sequence}, {@code account-id}, {@code mode},
 *       {@code occurred-at} (ISO-8601) and {@code content-type}.</li>
 * </ul>
 *
 * <p>The record timestamp is left to the producer (time of publication), not set to the event's time: a topic's
 * retention works on record timestamps, and a replay of old events must not be deleted on arrival.
 */
final class FeedRecords {
    static final String EVENT_TYPE = "event-type";
    static final String EVENT_ID = "event-id";
    static final String AGGREGATE_SEQUENCE = "aggregate-sequence";
    static final String ACCOUNT_ID = "account-id";
    static final String MODE = "mode";
    static final String OCCURRED_AT = "occurred-at";
    private static final Map<String, String> FAMILIES = new ConcurrentHashMap<>();
    static final String CONTENT_TYPE = "content-type";
    static final String NO_AGGREGATE_FAMILY = "events";
    static final String SECRET_HASH_SUFFIX = "Hash";

    private final String topicPrefix;
    private final ObjectMapper json;

    FeedRecords(String topicPrefix, ObjectMapper json) {
        this.topicPrefix = topicPrefix;
        this.json = json;
    }

    ProducerRecord<String, byte[]> toRecord(EventMessage<?> event) {
        Object payload = event.getPayload();
        RecordHeaders headers = new RecordHeaders();
        header(headers, EVENT_TYPE, event.getPayloadType().getSimpleName());
        header(headers, EVENT_ID, event.getIdentifier());
        String topic = topicPrefix + "." + NO_AGGREGATE_FAMILY;
        String key = null;
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            topic = topicPrefix + "." + family(domainEvent.getType());
            key = domainEvent.getAggregateIdentifier();
            header(headers, AGGREGATE_SEQUENCE, Long.toString(domainEvent.getSequenceNumber()));
        }
        if (payload instanceof TenantEvent tenantEvent) {
            key = key != null ? key : tenantEvent.accountId();
            header(headers, ACCOUNT_ID, tenantEvent.accountId());
            header(headers, MODE, tenantEvent.mode() == null ? null : tenantEvent.mode().wireName());
        }
        header(headers, OCCURRED_AT, event.getTimestamp().toString());
        header(headers, CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(topic, null, null, key, serialize(payload), headers);
    }

    /**
     * {@code ApiKey} → {@code api-key}, {@code HTTPEndpoint} → {@code http-endpoint}; remembered, since every event
     * asks and there are a few aggregate types.
     */
    static String family(String aggregateType) {
        return FAMILIES.computeIfAbsent(aggregateType, type -> type
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT));
    }

    private byte[] serialize(Object payload) {
        try {
            JsonNode value = json.valueToTree(payload);
            dropSecretHashes(value);
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + payload.getClass().getName() + " for Kafka", e);
        }
    }

    /** Removes every field named {@code ...Hash}, at any depth. */
    static void dropSecretHashes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getKey().endsWith(SECRET_HASH_SUFFIX));
        }
        node.forEach(FeedRecords::dropSecretHashes);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
