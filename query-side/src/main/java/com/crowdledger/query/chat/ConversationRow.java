package com.crowdledger.query.chat;

import com.crowdledger.queries.chat.ConversationView;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A conversation, with both participants' unread counts and read markers (written by SQL in the projection). */
@Entity
@Immutable
@Table(name = "chat_conversations")
public class ConversationRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "tester_account_id")
    private String testerAccountId;
    @Column(name = "message_count")
    private long messageCount;
    @Column(name = "owner_unread")
    private long ownerUnread;
    @Column(name = "tester_unread")
    private long testerUnread;
    @Column(name = "owner_read_up_to")
    private long ownerReadUpTo;
    @Column(name = "tester_read_up_to")
    private long testerReadUpTo;
    @Column(name = "last_message_at")
    private Instant lastMessageAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ConversationRow() {
    }

    /** As the participant {@code accountId} sees it. */
    ConversationView viewFor(String participantAccountId) {
        boolean owner = participantAccountId.equals(accountId);
        return new ConversationView(id, accountId, testerAccountId, owner ? testerAccountId : accountId, mode,
                messageCount, owner ? ownerUnread : testerUnread, owner ? ownerReadUpTo : testerReadUpTo,
                lastMessageAt, createdAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
