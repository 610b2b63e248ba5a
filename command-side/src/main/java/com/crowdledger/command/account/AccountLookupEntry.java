package com.crowdledger.command.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One registered account's unique facts; unique indexes make concurrent duplicates fail at commit. */
@Entity
@Table(name = "account_lookup")
class AccountLookupEntry {
    @Id
    @Column(name = "account_id")
    private String accountId;
    private String email;
    private String slug;
    @Column(name = "verification_token_hash")
    private String verificationTokenHash;
    /** Until when an unverified registration holds the address (48 h after registration; renewals do not move it). */
    @Column(name = "verification_expires_at")
    private Instant verificationExpiresAt;
    private boolean verified;

    protected AccountLookupEntry() {
    }

    AccountLookupEntry(String accountId, String email, String slug, String verificationTokenHash,
                       Instant verificationExpiresAt) {
        this.accountId = accountId;
        this.email = email;
        this.slug = slug;
        this.verificationTokenHash = verificationTokenHash;
        this.verificationExpiresAt = verificationExpiresAt;
    }

    void renewVerification(String tokenHash) {
        verificationTokenHash = tokenHash;
    }

    void markVerified() {
        verified = true;
    }

    String accountId() {
        return accountId;
    }

    AccountLookup.EmailHolder holder() {
        return new AccountLookup.EmailHolder(accountId, verified, verificationExpiresAt);
    }
}
