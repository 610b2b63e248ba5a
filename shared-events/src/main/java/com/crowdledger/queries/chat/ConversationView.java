package com.crowdledger.queries.chat;

import com.crowdledger.shared.Mode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as one of its participants sees it: the other participant ({@code contactAccountId}), how many
 * messages it has, how many of the other's are unread for the caller, and up to which message the caller read.
 */
public record ConversationView(
        String id,
        String ownerAccountId,
        String testerAccountId,
        String contactAccountId,
        Mode mode,
        long messageCount,
        long unreadCount,
        long readUpTo,
        @Nullable Instant lastMessageAt,
        Instant createdAt) {
}
