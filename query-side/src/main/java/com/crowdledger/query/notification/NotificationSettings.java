package com.crowdledger.query.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.notifications.*}: the live stream.
 *
 * @param heartbeat      how often every open stream gets a comment line (15s), which keeps proxies from closing an
 *                       idle connection and finds clients that went away; it also renews the streams' slots
 * @param streamsPerKey  streams one key may hold open at once, across the cluster (5)
 * @param maxStreamAge   a stream is closed after this long (30m); the client reconnects with {@code Last-Event-ID}
 *                       and misses nothing, and a connection nobody reads is not held for ever
 */
@ConfigurationProperties("crowdledger.notifications")
public record NotificationSettings(Duration heartbeat, Integer streamsPerKey, Duration maxStreamAge) {
    public NotificationSettings {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        streamsPerKey = streamsPerKey == null ? 5 : streamsPerKey;
        maxStreamAge = maxStreamAge == null ? Duration.ofMinutes(30) : maxStreamAge;
        if (streamsPerKey < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("crowdledger.notifications.streams-per-key must be >= 1 and the "
                    + "heartbeat positive");
        }
    }

    /** A slot not renewed for this long belongs to a node that died: three heartbeats, at least 30 s. */
    Duration slotLapse() {
        Duration three = heartbeat.multipliedBy(3);
        return three.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : three;
    }
}
