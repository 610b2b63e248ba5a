package com.crowdledger.events.chat;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * An owner account and a tester account, contacts in {@code mode}, have a conversation (one per pair and mode; its id
 * derives from the pair). {@code accountId} is the owner; the tester is the second party. {@code startedBy} is the
 * participant who asked for it.
 */
public record ConversationStartedEvent(
        String conversationId,
        String accountId,
        Mode mode,
        String testerAccountId,
        String startedBy,
        Instant startedAt) implements TenantEvent {
}
