package com.crowdledger.query.eventlog;

import com.crowdledger.shared.TenantEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Describes stored events for the outside (the event log, webhooks) the same way: id ({@link EventIds}), type
 * ({@link EventTypes}), data (the event's JSON as the event store writes it, less its {@link PublicFields private
 * fields}), and an example of each type's data, made from the event class alone.
 */
@Component
public class PublicEvents {
    static final Instant EXAMPLE_INSTANT = Instant.parse("2026-11-23T10:15:30.123456Z");

    private final ObjectMapper json;

    PublicEvents(@Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.json = json;
    }

    public PublicEvent describe(EventMessage<?> message) {
        TenantEvent event = (TenantEvent) message.getPayload();
        String aggregateId = message instanceof DomainEventMessage<?> domain && domain.getType() != null
                ? domain.getAggregateIdentifier() : null;
        return new PublicEvent(EventIds.of(message.getIdentifier()), EventTypes.nameOf(message.getPayloadType()),
                message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), event.accountId(), event.mode(), aggregateId,
                PublicFields.strip((ObjectNode) setsSorted(json.valueToTree(event), event.getClass())));
    }

    /**
     * The elements of every set in name order: a set has no order, and one read back from the event store iterates
     * differently from the one the command made, so without this the same event would not always read the same (a
     * rebuilt event log would differ from the live one).
     */
    private static JsonNode setsSorted(JsonNode node, Type type) {
        if (type instanceof ParameterizedType generic && node instanceof ArrayNode array) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type element = generic.getActualTypeArguments()[0];
            if (Collection.class.isAssignableFrom(raw)) {
                List<JsonNode> elements = new ArrayList<>();
                array.forEach(child -> elements.add(setsSorted(child, element)));
                if (Set.class.isAssignableFrom(raw)) {
                    elements.sort(Comparator.comparing(JsonNode::toString));
                }
                array.removeAll();
                array.addAll(elements);
            }
        } else if (type instanceof Class<?> raw && raw.isRecord() && node instanceof ObjectNode object) {
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonNode child = object.get(component.getName());
                if (child != null) {
                    setsSorted(child, component.getGenericType());
                }
            }
        }
        return node;
    }

    /** The data of an event of this record type, with a placeholder of its type in every field. */
    public ObjectNode exampleData(Class<?> eventType) {
        return PublicFields.strip((ObjectNode) example(eventType));
    }

    public ObjectNode newObject() {
        return json.createObjectNode();
    }

    /** JSON text as the event store writes it. */
    public String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /** A JSON object this class wrote, as plain maps, lists and values (for the web layer's own JSON writer). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readMap(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON does not read", e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(JsonNode value) {
        return json.convertValue(value, Map.class);
    }

    private JsonNode example(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ArrayNode array = json.createArrayNode();
                return array.add(example(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return json.createObjectNode().set("key", example(arguments[1]));
            }
            return json.nullNode();
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            ObjectNode object = json.createObjectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                object.set(component.getName(), example(component.getGenericType()));
            }
            return object;
        }
        if (raw.isEnum()) {
            return json.valueToTree(raw.getEnumConstants()[0]);
        }
        if (raw == Instant.class) {
            return json.valueToTree(EXAMPLE_INSTANT);
        }
        if (raw == LocalDate.class) {
            return json.valueToTree(LocalDate.of(2026, 11, 23));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return json.getNodeFactory().booleanNode(true);
        }
        if (raw == BigDecimal.class) {
            return json.getNodeFactory().numberNode(new BigDecimal("12.34"));
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return json.getNodeFactory().numberNode(7);
        }
        return json.getNodeFactory().textNode("string");
    }
}
