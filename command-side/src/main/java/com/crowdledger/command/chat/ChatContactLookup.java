package com.crowdledger.command.chat;

import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.events.playtest.SlotClaimedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may start a conversation with whom, in the write model's own table: an owner account and a tester account are
 * contacts in a mode once the tester worked for the owner there (joined one of its campaigns, or claimed one of its
 * playtest slots). Written in the transaction of the event that made them contacts.
 */
@Component
@Subscribing
@ProcessingGroup("chat-contact-lookup")
class ChatContactLookup {
    private final JdbcTemplate jdbc;

    ChatContactLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TesterJoinedCampaignEvent event) {
        add(event.mode(), event.accountId(), event.testerAccountId());
    }

    @EventHandler
    void on(SlotClaimedEvent event) {
        add(event.mode(), event.accountId(), event.testerAccountId());
    }

    boolean contacts(Mode mode, String ownerAccountId, String testerAccountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from chat_contact_lookup
                               where mode = ? and owner_account_id = ? and tester_account_id = ?)""",
                Boolean.class, mode.name(), ownerAccountId, testerAccountId));
    }

    private void add(Mode mode, String ownerAccountId, String testerAccountId) {
        jdbc.update("""
                insert into chat_contact_lookup (mode, owner_account_id, tester_account_id) values (?, ?, ?)
                on conflict do nothing""", mode.name(), ownerAccountId, testerAccountId);
    }
}
