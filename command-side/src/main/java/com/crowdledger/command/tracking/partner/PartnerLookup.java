package com.crowdledger.command.tracking.partner;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.events.partner.PartnerChangedEvent;
import com.crowdledger.events.partner.PartnerCreatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The partners as the write side knows them ({@code tracking_partners}), written in each partner command's
 * transaction: the unique slug per account and mode, and whether a partner's links take traffic.
 */
@Component
@Subscribing
@ProcessingGroup(PartnerLookup.PROCESSING_GROUP)
class PartnerLookup {
    static final String PROCESSING_GROUP = "partner-lookup";

    private final JdbcTemplate jdbc;
    private final TransactionLocks locks;

    PartnerLookup(JdbcTemplate jdbc, TransactionLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    @EventHandler
    void on(PartnerCreatedEvent event) {
        jdbc.update("insert into tracking_partners (partner_id, account_id, mode, slug, status) values (?, ?, ?, ?, ?)",
                event.partnerId(), event.accountId(), event.mode().name(), event.slug(), event.status().name());
    }

    @EventHandler
    void on(PartnerChangedEvent event) {
        jdbc.update("update tracking_partners set status = ? where partner_id = ?", event.status().name(),
                event.partnerId());
    }

    /** Locks the slug within the account and mode until the transaction ends, then says whether it is taken. */
    boolean slugTaken(String accountId, Mode mode, String slug) {
        locks.lock("partner-slug", accountId + "|" + mode + "|" + slug);
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from tracking_partners where account_id = ? and mode = ? and slug = ?)""",
                Boolean.class, accountId, mode.name(), slug));
    }
}
