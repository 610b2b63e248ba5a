package com.crowdledger.queries.chat;

import java.time.Instant;

/** A message as both participants see it: {@code text} exactly as it was sent (plain text; never HTML). */
public record ChatMessageView(
        String id,
        String conversationId,
        String senderAccountId,
        String text,
        long sequence,
        Instant createdAt) {
}
