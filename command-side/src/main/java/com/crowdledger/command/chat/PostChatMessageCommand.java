package com.crowdledger.command.chat;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant (the sender's tenant: its account, in its key's mode) writes in a conversation. */
public record PostChatMessageCommand(
        @TargetAggregateIdentifier String conversationId,
        Tenant sender,
        String text) {
}
