package com.crowdledger.events.chat;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A participant ({@code readerAccountId}) read a conversation up to its message {@code readUpTo} (a sequence
 * number): what the other participant wrote until then is no longer unread for it.
 */
public record ConversationReadEvent(
        String conversationId,
        String accountId,
        Mode mode,
        String testerAccountId,
        String readerAccountId,
        long readUpTo,
        Instant readAt) implements TenantEvent {
}
