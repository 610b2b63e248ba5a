package com.crowdledger.command.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    protected AccountLookupEntry() {
    }

    AccountLookupEntry(String accountId, String email, String slug, String verificationTokenHash) {
        this.accountId = accountId;
        this.email = email;
        this.slug = slug;
        this.verificationTokenHash = verificationTokenHash;
    }

    String accountId() {
        return accountId;
    }
}
