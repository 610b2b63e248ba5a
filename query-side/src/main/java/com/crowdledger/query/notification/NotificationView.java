package com.crowdledger.query.notification;

import com.crowdledger.events.notification.NotificationType;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A notification: what happened ({@code type}, a one-line {@code title}, and in {@code data} the ids and values it is
 * about, e.g. {@code bugId} and {@code reward}), the event that caused it ({@code eventId}, see {@code GET
 * /v1/events/:id} for the owner's own events), and its place in the recipient's stream ({@code sequence}, the SSE id).
 * Text from users (a bug's title, a message) is plain text in JSON; render it as text, never as HTML.
 */
public record NotificationView(
        String id,
        NotificationType type,
        String title,
        Map<String, Object> data,
        String eventId,
        long sequence,
        Instant createdAt,
        @Nullable Instant readAt) {
}
