package com.crowdledger.query.chat;

import com.crowdledger.queries.chat.ChatMessageView;
import com.crowdledger.query.paging.Position;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A message, its text exactly as sent. Who may read it is its conversation's business. */
@Entity
@Immutable
@Table(name = "chat_messages")
public class ChatMessageRow {
    @Id
    private String id;
    @Column(name = "conversation_id")
    private String conversationId;
    @Column(name = "sender_account_id")
    private String senderAccountId;
    private String text;
    private long sequence;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChatMessageRow() {
    }

    ChatMessageView view() {
        return new ChatMessageView(id, conversationId, senderAccountId, text, sequence, createdAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
