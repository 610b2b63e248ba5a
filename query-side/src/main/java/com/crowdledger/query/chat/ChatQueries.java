package com.crowdledger.query.chat;

import com.crowdledger.queries.chat.ConversationView;
import com.crowdledger.queries.chat.FindConversationQuery;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A conversation as the asking participant sees it (the write side answers with it). */
@Component
class ChatQueries {
    private final ConversationRowRepository conversations;

    ChatQueries(ConversationRowRepository conversations) {
        this.conversations = conversations;
    }

    @QueryHandler
    Optional<ConversationView> find(FindConversationQuery query) {
        return conversations.find(query.participant(), query.conversationId())
                .map(row -> row.viewFor(query.participant().accountId()));
    }
}
