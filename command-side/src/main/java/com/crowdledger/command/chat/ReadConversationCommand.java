package com.crowdledger.command.chat;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant has read everything in the conversation so far. */
public record ReadConversationCommand(
        @TargetAggregateIdentifier String conversationId,
        Tenant reader) {
}
