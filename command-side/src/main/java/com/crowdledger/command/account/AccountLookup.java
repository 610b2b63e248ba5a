package com.crowdledger.command.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Set-based facts the Account aggregate cannot know alone: which e-mails and slugs are taken. Asking about an e-mail
 * or a slug locks it until the transaction ends, so two registrations of one value take turns and the second sees
 * the first (the answer any sequential order would give).
 */
public interface AccountLookup {
    /** The account registered with this e-mail, if any. */
    Optional<EmailHolder> emailHolder(String email);

    boolean slugTaken(String slug);

    Optional<String> accountIdForVerificationToken(String tokenHash);

    /** Who holds an e-mail address, and whether they proved it or may still. */
    record EmailHolder(String accountId, boolean verified, Instant verificationExpiresAt) {
        /** Never verified, and the token expired: the registration lapses when the address is registered again. */
        boolean lapsedAt(Instant now) {
            return !verified && verificationExpiresAt != null && !now.isBefore(verificationExpiresAt);
        }
    }
}
