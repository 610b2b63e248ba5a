package com.crowdledger.command.account;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.events.account.AccountEmailVerifiedEvent;
import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.events.account.AccountVerificationRenewedEvent;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The account lookup table, kept by a subscribing processor so it is written in the same transaction as the
 * event. A question about an e-mail or slug first locks that value ({@link TransactionLocks}): a concurrent
 * registration of the same value waits for this one's transaction, then sees its row.
 */
@Component
@Subscribing
@ProcessingGroup(JpaAccountLookup.PROCESSING_GROUP)
class JpaAccountLookup implements AccountLookup {
    static final String PROCESSING_GROUP = "account-lookup";

    private final AccountLookupRepository repository;
    private final TransactionLocks locks;

    JpaAccountLookup(AccountLookupRepository repository, TransactionLocks locks) {
        this.repository = repository;
        this.locks = locks;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        repository.saveAndFlush(new AccountLookupEntry(event.accountId(), event.email(), event.slug(),
                event.verificationTokenHash(), event.verificationExpiresAt()));
    }

    /** A renewed token replaces the old one; the registration's hold on the address still ends when it did. */
    @EventHandler
    void on(AccountVerificationRenewedEvent event) {
        repository.findById(event.accountId())
                .ifPresent(entry -> entry.renewVerification(event.verificationTokenHash()));
    }

    @EventHandler
    void on(AccountEmailVerifiedEvent event) {
        repository.findById(event.accountId()).ifPresent(AccountLookupEntry::markVerified);
    }

    @EventHandler
    void on(AccountRegistrationLapsedEvent event) {
        repository.deleteById(event.accountId());
        repository.flush();
    }

    @Override
    public Optional<EmailHolder> emailHolder(String email) {
        locks.lock("account-email", email);
        return repository.findByEmail(email).map(AccountLookupEntry::holder);
    }

    @Override
    public boolean slugTaken(String slug) {
        locks.lock("account-slug", slug);
        return repository.existsBySlug(slug);
    }

    @Override
    public Optional<String> accountIdForVerificationToken(String tokenHash) {
        return repository.findByVerificationTokenHash(tokenHash).map(AccountLookupEntry::accountId);
    }
}
