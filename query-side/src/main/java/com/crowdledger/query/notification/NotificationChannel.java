package com.crowdledger.query.notification;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.listen.DatabaseChannel;
import org.springframework.stereotype.Component;

/**
 * New notifications, from any node: every notification the projection inserts is announced with {@code pg_notify} at
 * commit, and the node's one listening connection hands it here, to the local streams of its recipient. No stream
 * polls. When notifications may have been missed, every local stream reads from the database what came after its
 * last sequence (so nothing is sent twice).
 */
@Component
class NotificationChannel implements DatabaseChannel {
    private final NotificationStreams streams;

    NotificationChannel(NotificationStreams streams) {
        this.streams = streams;
    }

    @Override
    public String name() {
        return NotificationProjection.CHANNEL;
    }

    /** {@code <account> <mode> <sequence>}; anything else is not ours and is ignored. */
    @Override
    public void received(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length == 3) {
            try {
                streams.wake(parts[0], Mode.valueOf(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException ignored) {
                // not a notification of this version
            }
        }
    }

    @Override
    public void missed() {
        streams.wakeAll();
    }
}
