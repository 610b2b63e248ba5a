package com.crowdledger.query.chat;

import com.crowdledger.shared.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** The name and role an account registered with: what a contact shows of the other side. */
@Entity
@Immutable
@Table(name = "chat_accounts")
public class ChatAccountRow {
    @Id
    @Column(name = "account_id")
    private String accountId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Role role;

    protected ChatAccountRow() {
    }

    String accountId() {
        return accountId;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }
}
