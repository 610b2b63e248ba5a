package com.crowdledger.events.chat;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A participant wrote in a conversation. {@code text} is exactly what was sent (1 to 4,000 code points, never
 * interpreted); {@code sequence} numbers the conversation's messages from 1. {@code accountId} is the conversation's
 * owner, {@code testerAccountId} its tester, {@code senderAccountId} one of the two.
 */
public record ChatMessagePostedEvent(
        String messageId,
        String conversationId,
        String accountId,
        Mode mode,
        String testerAccountId,
        String senderAccountId,
        String text,
        long sequence,
        Instant postedAt) implements TenantEvent {
}
