package com.crowdledger.query.account;

import com.crowdledger.shared.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account as the API and the login need it. */
@Entity
@Table(name = "accounts")
public class AccountView {
    @Id
    private String id;
    private String email;
    private String name;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String slug;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "email_verified")
    private boolean emailVerified;
    @Column(name = "created_at")
    private Instant createdAt;

    protected AccountView() {
    }

    AccountView(String id, String email, String name, Role role, String slug, String passwordHash,
                Instant createdAt) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.slug = slug;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    void markEmailVerified() {
        emailVerified = true;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public String slug() {
        return slug;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
