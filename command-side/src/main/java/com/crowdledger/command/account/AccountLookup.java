package com.crowdledger.command.account;

import java.util.Optional;

/** Set-based facts the Account aggregate cannot know alone: which e-mails and slugs are taken. */
public interface AccountLookup {
    boolean emailTaken(String email);

    boolean slugTaken(String slug);

    Optional<String> accountIdForVerificationToken(String tokenHash);
}
