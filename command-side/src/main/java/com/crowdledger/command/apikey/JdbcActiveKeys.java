package com.crowdledger.command.apikey;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.events.apikey.ApiKeyIssuedEvent;
import com.crowdledger.events.apikey.ApiKeyRevokedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The active keys, kept in {@code api_key_lookup} by a subscribing processor in the command's transaction; counting
 * locks the account's mode first, so two concurrent issues take turns and the second counts the first.
 */
@Component
@Subscribing
@ProcessingGroup("apikey-lookup")
class JdbcActiveKeys implements ActiveKeys {
    private final JdbcTemplate jdbc;
    private final TransactionLocks locks;

    JdbcActiveKeys(JdbcTemplate jdbc, TransactionLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    @Override
    public int count(String accountId, Mode mode) {
        locks.lock("active-keys", accountId + ":" + mode.wireName());
        return jdbc.queryForObject("select count(*) from api_key_lookup where account_id = ? and mode = ? and active",
                Integer.class, accountId, mode.name());
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event) {
        jdbc.update("insert into api_key_lookup (key_id, account_id, mode, active) values (?, ?, ?, true)",
                event.keyId(), event.accountId(), event.mode().name());
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event) {
        jdbc.update("update api_key_lookup set active = false where key_id = ?", event.keyId());
    }

    /** A lapsed registration's keys are gone with it. */
    @EventHandler
    void on(AccountRegistrationLapsedEvent event) {
        jdbc.update("update api_key_lookup set active = false where account_id = ?", event.accountId());
    }
}
