package com.crowdledger.infra.auth;

import com.crowdledger.events.account.AccountEmailVerifiedEvent;
import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.events.apikey.ApiKeyChangedEvent;
import com.crowdledger.events.apikey.ApiKeyRevokedEvent;
import com.crowdledger.shared.TenantEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evicts cached keys when a key or its account changes. Subscribing, so it runs in the command's transaction:
 * this node evicts right after the commit, before the command's response is sent; every node (this one too)
 * hears the same change through PostgreSQL NOTIFY, which is delivered on commit ({@link AuthChanges}).
 */
@Component
@Subscribing
@ProcessingGroup("auth-cache")
class AuthCacheInvalidation {
    static final String CHANNEL = "crowdledger_auth";

    private final ApiKeyAuthenticator authenticator;
    private final JdbcTemplate jdbc;

    AuthCacheInvalidation(ApiKeyAuthenticator authenticator, JdbcTemplate jdbc) {
        this.authenticator = authenticator;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyChangedEvent event) {
        invalidate(event);
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event) {
        invalidate(event);
    }

    @EventHandler
    void on(AccountEmailVerifiedEvent event) {
        invalidate(event);
    }

    @EventHandler
    void on(AccountRegistrationLapsedEvent event) {
        invalidate(event);
    }

    private void invalidate(TenantEvent event) {
        String accountId = event.accountId();
        jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, CHANNEL, accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    authenticator.evictAccount(accountId);
                }
            });
        } else {
            authenticator.evictAccount(accountId);
        }
    }
}
