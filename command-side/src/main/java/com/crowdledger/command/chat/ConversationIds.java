package com.crowdledger.command.chat;

import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;

/**
 * A pair's conversation id, derived from the pair and the mode: every start of the same pair names the same
 * aggregate, which is what keeps it one conversation under races. Knowing it grants nothing: only the two
 * participants find the conversation.
 */
final class ConversationIds {
    private ConversationIds() {
    }

    static String of(Mode mode, String ownerAccountId, String testerAccountId) {
        return Ids.derived(Ids.CHAT, "conversation:" + mode.name() + ":" + ownerAccountId + ":" + testerAccountId);
    }
}
