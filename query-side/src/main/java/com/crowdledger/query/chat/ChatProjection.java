package com.crowdledger.query.chat;

import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.events.chat.ChatMessagePostedEvent;
import com.crowdledger.events.chat.ConversationReadEvent;
import com.crowdledger.events.chat.ConversationStartedEvent;
import com.crowdledger.events.playtest.SlotClaimedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Subscribing;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Contacts, conversations and messages, in the command's transaction: a participant reads its own message and its
 * unread counts at once. Contacts come from the events that make an owner and a tester work together (a campaign
 * joined, a playtest slot claimed). Every write assigns from
 * the event (counts move only on the event that moves them), so a rebuild gives the same rows.
 */
@Component
@Subscribing
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
class ChatProjection {
    static final String PROCESSING_GROUP = "chat-view";

    private final JdbcTemplate jdbc;

    ChatProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        jdbc.update("insert into chat_accounts (account_id, name, role) values (?, ?, ?) on conflict do nothing",
                event.accountId(), event.name(), event.role().name());
    }

    @EventHandler
    void on(TesterJoinedCampaignEvent event) {
        contact(event.accountId(), event.mode(), event.testerAccountId(), event.joinedAt());
    }

    @EventHandler
    void on(SlotClaimedEvent event) {
        contact(event.accountId(), event.mode(), event.testerAccountId(), event.claimedAt());
    }

    /** The owner and the tester are contacts in the mode, since the first time they worked together. */
    void contact(String ownerAccountId, Mode mode, String testerAccountId, Instant since) {
        jdbc.update("""
                insert into chat_contacts (id, account_id, mode, tester_account_id, created_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", ownerAccountId + ":" + testerAccountId + ":" + mode.name(),
                ownerAccountId, mode.name(), testerAccountId, Timestamp.from(since));
    }

    @EventHandler
    void on(ConversationStartedEvent event) {
        jdbc.update("""
                insert into chat_conversations (id, account_id, mode, tester_account_id, created_at)
                values (?, ?, ?, ?, ?)""", event.conversationId(), event.accountId(), event.mode().name(),
                event.testerAccountId(), Timestamp.from(event.startedAt()));
    }

    @EventHandler
    void on(ChatMessagePostedEvent event) {
        jdbc.update("""
                insert into chat_messages (id, conversation_id, sender_account_id, text, sequence, created_at)
                values (?, ?, ?, ?, ?, ?)""", event.messageId(), event.conversationId(), event.senderAccountId(),
                event.text(), event.sequence(), Timestamp.from(event.postedAt()));
        boolean fromOwner = event.senderAccountId().equals(event.accountId());
        jdbc.update("update chat_conversations set message_count = ?, last_message_at = ?, "
                        + (fromOwner ? "tester_unread = tester_unread + 1" : "owner_unread = owner_unread + 1")
                        + " where id = ?",
                event.sequence(), Timestamp.from(event.postedAt()), event.conversationId());
    }

    @EventHandler
    void on(ConversationReadEvent event) {
        String reader = event.readerAccountId().equals(event.accountId()) ? "owner" : "tester";
        // a read takes every message so far (readUpTo is the last one), so nothing stays unread for the reader
        jdbc.update("update chat_conversations set " + reader + "_read_up_to = ?, " + reader + "_unread = 0"
                + " where id = ?", event.readUpTo(), event.conversationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from chat_messages");
        jdbc.update("delete from chat_conversations");
        jdbc.update("delete from chat_contacts");
        jdbc.update("delete from chat_accounts");
    }
}
