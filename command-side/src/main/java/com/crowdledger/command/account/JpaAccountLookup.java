package com.crowdledger.command.account;

import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The account lookup table, kept by a subscribing processor so it is written in the same transaction as the
 * event: a second registration of the same e-mail either sees the row or fails on the unique index.
 */
@Component
@Subscribing
@ProcessingGroup(JpaAccountLookup.PROCESSING_GROUP)
class JpaAccountLookup implements AccountLookup {
    static final String PROCESSING_GROUP = "account-lookup";

    private final AccountLookupRepository repository;

    JpaAccountLookup(AccountLookupRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        repository.saveAndFlush(new AccountLookupEntry(event.accountId(), event.email(), event.slug(),
                event.verificationTokenHash()));
    }

    @Override
    public boolean emailTaken(String email) {
        return repository.existsByEmail(email);
    }

    @Override
    public boolean slugTaken(String slug) {
        return repository.existsBySlug(slug);
    }

    @Override
    public Optional<String> accountIdForVerificationToken(String tokenHash) {
        return repository.findByVerificationTokenHash(tokenHash).map(AccountLookupEntry::accountId);
    }
}
