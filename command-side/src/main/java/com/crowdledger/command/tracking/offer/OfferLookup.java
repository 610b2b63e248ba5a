package com.crowdledger.command.tracking.offer;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.events.offer.OfferChangedEvent;
import com.crowdledger.events.offer.OfferCreatedEvent;
import com.crowdledger.events.offer.OfferSecretRotatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.processing.Subscribing;
import com.crowdledger.shared.tracking.OfferStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The offers as the write side knows them ({@code tracking_offers}), written in each offer command's transaction: the
 * unique slug per account and mode, and the terms that clicks and postbacks are decided by.
 */
@Component
@Subscribing
@ProcessingGroup(OfferLookup.PROCESSING_GROUP)
public class OfferLookup {
    static final String PROCESSING_GROUP = "offer-lookup";

    private static final String TERMS = """
            select o.offer_id, o.account_id, o.mode, o.status, o.destination_url, o.currency, o.default_revenue,
                   o.default_payout, o.hold_days, o.attribution_window_days, o.secret_hash, o.previous_secret_hash,
                   o.previous_secret_valid_until
            from tracking_offers o""";

    private final JdbcTemplate jdbc;
    private final TransactionLocks locks;

    public OfferLookup(JdbcTemplate jdbc, TransactionLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    @EventHandler
    void on(OfferCreatedEvent event) {
        jdbc.update("""
                insert into tracking_offers (offer_id, account_id, mode, slug, status, destination_url, currency,
                    default_revenue, default_payout, hold_days, attribution_window_days, secret_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.offerId(), event.accountId(), event.mode().name(), event.slug(), event.status().name(),
                event.destinationUrl(), event.defaultRevenue().currency(), event.defaultRevenue().amount(),
                event.defaultPayout().amount(), event.holdDays(), event.attributionWindowDays(), event.secretHash());
    }

    @EventHandler
    void on(OfferChangedEvent event) {
        jdbc.update("""
                update tracking_offers set status = ?, destination_url = ?, default_revenue = ?, default_payout = ?,
                    hold_days = ?, attribution_window_days = ?
                where offer_id = ?""",
                event.status().name(), event.destinationUrl(), event.defaultRevenue().amount(),
                event.defaultPayout().amount(), event.holdDays(), event.attributionWindowDays(), event.offerId());
    }

    @EventHandler
    void on(OfferSecretRotatedEvent event) {
        jdbc.update("""
                update tracking_offers set secret_hash = ?, previous_secret_hash = ?, previous_secret_valid_until = ?
                where offer_id = ?""",
                event.secretHash(), event.previousSecretHash(), Timestamp.from(event.previousSecretValidUntil()),
                event.offerId());
    }

    /** Locks the slug within the account and mode until the transaction ends, then says whether it is taken. */
    boolean slugTaken(String accountId, Mode mode, String slug) {
        locks.lock("offer-slug", accountId + "|" + mode + "|" + slug);
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from tracking_offers where account_id = ? and mode = ? and slug = ?)""",
                Boolean.class, accountId, mode.name(), slug));
    }

    public Optional<OfferTerms> terms(String offerId) {
        return jdbc.query(TERMS + " where o.offer_id = ?", OfferLookup::terms, offerId).stream().findFirst();
    }

    /** The offer behind a public URL: the brand (the account's slug), the offer's slug, and the mode. */
    public Optional<OfferTerms> published(String brand, String slug, Mode mode) {
        return jdbc.query(TERMS + """
                 join tracking_brands b on b.account_id = o.account_id
                where b.slug = ? and o.slug = ? and o.mode = ?""", OfferLookup::terms, brand, slug, mode.name())
                .stream().findFirst();
    }

    private static OfferTerms terms(ResultSet row, int index) throws SQLException {
        String currency = row.getString("currency");
        Timestamp previousValidUntil = row.getTimestamp("previous_secret_valid_until");
        return new OfferTerms(row.getString("offer_id"), row.getString("account_id"),
                Mode.valueOf(row.getString("mode")), OfferStatus.valueOf(row.getString("status")),
                row.getString("destination_url"), new Money(row.getBigDecimal("default_revenue"), currency),
                new Money(row.getBigDecimal("default_payout"), currency), row.getInt("hold_days"),
                row.getInt("attribution_window_days"), row.getString("secret_hash"),
                row.getString("previous_secret_hash"),
                previousValidUntil == null ? null : previousValidUntil.toInstant());
    }
}
