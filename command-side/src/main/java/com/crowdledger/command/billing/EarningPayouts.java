package com.crowdledger.command.billing;

import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.processing.Subscribing;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which earnings are still owed ({@code earning_payouts}), written in the transaction of each earning. A payout
 * batch claims them by setting its id on rows that have none: the update is the check, so an earning is in one
 * batch only, whatever batches run at once.
 */
@Component
@Subscribing
@ProcessingGroup("earning-payout-lookup")
class EarningPayouts {
    private final JdbcTemplate jdbc;

    EarningPayouts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An owed earning, as a batch pays it. */
    record Owed(String earningId, String accountId, String testerAccountId, Money amount) {
    }

    @EventHandler
    void on(TesterEarningRecordedEvent event) {
        jdbc.update("insert into earning_payouts (earning_id, account_id, mode, tester_account_id, amount, currency,"
                        + " recorded_at) values (?, ?, ?, ?, ?, ?, ?)", event.earningId(), event.accountId(),
                event.mode().name(), event.testerAccountId(), event.amount().amount(), event.amount().currency(),
                java.sql.Timestamp.from(event.recordedAt()));
    }

    /** Claims up to {@code limit} owed earnings of the mode, oldest first, for the batch (caller's transaction). */
    List<Owed> claim(String payoutId, Mode mode, int limit) {
        return jdbc.query("""
                        update earning_payouts set payout_id = ?
                        where earning_id in (select earning_id from earning_payouts
                                             where payout_id is null and mode = ?
                                             order by recorded_at, earning_id limit ? for update skip locked)
                        returning earning_id, account_id, tester_account_id, amount, currency""",
                (row, n) -> new Owed(row.getString(1), row.getString(2), row.getString(3),
                        new Money(row.getBigDecimal(4), row.getString(5))), payoutId, mode.name(), limit);
    }
}
