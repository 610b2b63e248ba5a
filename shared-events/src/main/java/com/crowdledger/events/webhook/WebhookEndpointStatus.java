package com.crowdledger.events.webhook;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an endpoint receives deliveries. */
public enum WebhookEndpointStatus {
    ENABLED, DISABLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static WebhookEndpointStatus fromWire(String value) {
        return WireNames.parse(WebhookEndpointStatus.class, value);
    }
}
