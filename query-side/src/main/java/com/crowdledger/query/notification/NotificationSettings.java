package com.crowdledger.query.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code crowdledger.notifications.*}: the live stream.
 *
 * @param heartbeat          how often every open stream gets a comment line (15s), which keeps proxies from closing
 *                           an idle connection and finds clients that went away; it also renews the streams' slots
 * @param streamsPerKey      streams one key may hold open at once, across the cluster (5)
 * @param streamsPerAccount  streams all keys of one account may hold open at once, across the cluster (50)
 * @param streamsPerNode     streams one node holds open at once, whoever opened them (2000): with
 *                           {@code streamBuffer}, a bound on the memory streams may take
 * @param maxStreamAge       a stream is closed after this long (30m); the client reconnects with
 *                           {@code Last-Event-ID} and misses nothing, and a connection nobody reads is not held for ever
 * @param streamBuffer       what a stream may hold that its client has not taken yet (256KB); a stream whose buffer
 *                           is full while its client takes nothing for a heartbeat is closed (the client resumes
 *                           with {@code Last-Event-ID})
 */
@ConfigurationProperties("crowdledger.notifications")
public record NotificationSettings(Duration heartbeat, Integer streamsPerKey, Integer streamsPerAccount,
                                   Integer streamsPerNode, Duration maxStreamAge, DataSize streamBuffer) {
    public NotificationSettings {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        streamsPerKey = streamsPerKey == null ? 5 : streamsPerKey;
        streamsPerAccount = streamsPerAccount == null ? 50 : streamsPerAccount;
        streamsPerNode = streamsPerNode == null ? 2000 : streamsPerNode;
        maxStreamAge = maxStreamAge == null ? Duration.ofMinutes(30) : maxStreamAge;
        streamBuffer = streamBuffer == null ? DataSize.ofKilobytes(256) : streamBuffer;
        if (streamsPerKey < 1 || streamsPerAccount < 1 || streamsPerNode < 1 || heartbeat.isNegative() || heartbeat.isZero()
                || streamBuffer.toBytes() < 1) {
            throw new IllegalArgumentException("crowdledger.notifications.streams-per-key, streams-per-account, "
                    + "streams-per-node and stream-buffer must be >= 1 and the heartbeat positive");
        }
    }

    /** A slot not renewed for this long belongs to a node that died: three heartbeats, at least 30 s. */
    Duration slotLapse() {
        Duration three = heartbeat.multipliedBy(3);
        return three.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : three;
    }
}
