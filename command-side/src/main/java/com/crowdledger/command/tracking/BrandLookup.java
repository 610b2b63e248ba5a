package com.crowdledger.command.tracking;

import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which account a brand (an account's public slug, the first part of its tracking links) belongs to
 * ({@code tracking_brands}), kept from the account events so that tracking decides from its own table.
 */
@Component
@Subscribing
@ProcessingGroup(BrandLookup.PROCESSING_GROUP)
class BrandLookup {
    static final String PROCESSING_GROUP = "tracking-brand-lookup";

    private final JdbcTemplate jdbc;

    BrandLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        jdbc.update("insert into tracking_brands (slug, account_id) values (?, ?)", event.slug(), event.accountId());
    }

    /** A lapsed registration gives its slug up: a brand never points at an account that is gone. */
    @EventHandler
    void on(AccountRegistrationLapsedEvent event) {
        jdbc.update("delete from tracking_brands where account_id = ?", event.accountId());
    }
}
