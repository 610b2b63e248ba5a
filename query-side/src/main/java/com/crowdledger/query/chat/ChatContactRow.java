package com.crowdledger.query.chat;

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

/** An owner account and a tester account who worked together in a mode, since {@code createdAt}. */
@Entity
@Immutable
@Table(name = "chat_contacts")
public class ChatContactRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "tester_account_id")
    private String testerAccountId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChatContactRow() {
    }

    String otherThan(String participantAccountId) {
        return participantAccountId.equals(accountId) ? testerAccountId : accountId;
    }

    Instant since() {
        return createdAt;
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
