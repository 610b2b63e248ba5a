package com.crowdledger.events.webhook;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why an endpoint stopped receiving deliveries. */
public enum WebhookDisabledReason {
    /** Its owner disabled it. */
    REQUESTED,
    /** It answered 410 Gone: the receiver says it will never take deliveries again. */
    GONE,
    /** Every delivery to it failed for the configured period (5 days). */
    FAILING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static WebhookDisabledReason fromWire(String value) {
        return WireNames.parse(WebhookDisabledReason.class, value);
    }
}
