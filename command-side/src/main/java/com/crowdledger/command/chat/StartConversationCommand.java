package com.crowdledger.command.chat;

import com.crowdledger.shared.Mode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the conversation of a pair of contacts in a mode, or finds it (its id derives from the pair). */
public record StartConversationCommand(
        @TargetAggregateIdentifier String conversationId,
        String ownerAccountId,
        String testerAccountId,
        Mode mode,
        String startedBy) {
}
