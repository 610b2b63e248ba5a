package com.crowdledger.query.notification;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A notification's {@code data} as stored (JSON) and as answered (an object), with the API's own JSON mapper. */
@Component
class NotificationData {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private final JsonMapper json;

    NotificationData(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    Map<String, Object> read(String stored) {
        return json.readValue(stored, OBJECT);
    }
}
