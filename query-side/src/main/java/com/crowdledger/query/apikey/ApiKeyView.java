package com.crowdledger.query.apikey;

import com.crowdledger.queries.apikey.ApiKeySummary;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A key as stored for listing and for authentication: its display prefix and argon2id hash, never the key. */
@Entity
@Table(name = "api_keys")
public class ApiKeyView {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String name;
    /** Wire names, sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] scopes;
    private String prefix;
    @Column(name = "secret_hash")
    private String secretHash;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiKeyView() {
    }

    ApiKeyView(String id, String accountId, Mode mode, String name, Set<Scope> scopes, String prefix,
               String secretHash, Instant expiresAt, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.name = name;
        this.scopes = wireNames(scopes);
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    void change(String newName, Set<Scope> newScopes) {
        name = newName;
        scopes = wireNames(newScopes);
    }

    static String[] wireNames(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wireName).sorted().toArray(String[]::new);
    }

    void revoke(Instant at) {
        revokedAt = at;
    }

    public String status(boolean accountVerified, Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return "expired";
        }
        return accountVerified ? "active" : "pending_verification";
    }

    ApiKeySummary summary(boolean accountVerified, Instant lastUsedAt, Instant now) {
        return new ApiKeySummary(id, name, prefix, mode, Collections.unmodifiableSortedSet(new TreeSet<>(scopes())),
                status(accountVerified, now),
                expiresAt, lastUsedAt, createdAt);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Mode mode() {
        return mode;
    }

    public String name() {
        return name;
    }

    public Set<Scope> scopes() {
        return Arrays.stream(scopes).map(Scope::fromWire)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    public String prefix() {
        return prefix;
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    Position position() {
        return new Position(createdAt, id);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
