package com.crowdledger.command.tracking.click;

import com.crowdledger.shared.Mode;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a tracking link points at, in one query over the write side's lookups: the brand's active offer with that
 * slug, and the brand's active partner with that slug, both of the mode asked for.
 */
@Component
class ClickTargets {
    private final JdbcTemplate jdbc;

    ClickTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record ClickTarget(String accountId, String offerId, String partnerId, String destinationUrl) {
    }

    Optional<ClickTarget> find(String brand, String offerSlug, String partnerSlug, Mode mode) {
        return jdbc.query("""
                        select o.account_id, o.offer_id, p.partner_id, o.destination_url
                        from tracking_brands b
                        join tracking_offers o on o.account_id = b.account_id and o.mode = ? and o.slug = ?
                        join tracking_partners p on p.account_id = b.account_id and p.mode = o.mode and p.slug = ?
                        where b.slug = ? and o.status = 'ACTIVE' and p.status = 'ACTIVE'""",
                (row, i) -> new ClickTarget(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                mode.name(), offerSlug, partnerSlug, brand).stream().findFirst();
    }
}
