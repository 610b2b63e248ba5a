package com.crowdledger.command.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.TestAccounts;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.web.Tenant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A payment never starts without its recovery task: the start and the task are one transaction, so when the task
 * cannot be stored the payment is not recorded either (and the provider is never asked). The database refuses the
 * task; the top-up is driven directly, below the HTTP layer, so the expected failure logs nothing.
 */
class PaymentRecoveryIT extends IntegrationTest {
    @Autowired
    CreditTopUps topUps;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPaymentWhoseRecoveryCannotBeScheduledIsNotStarted() {
        TestAccounts.Registered owner = accounts.verifiedOwner("live");
        String billingId = BillingAccounts.idOf(owner.accountId(), Mode.LIVE);
        jdbc.execute("create function refuse_recovery() returns trigger language plpgsql as "
                + "$$ begin raise exception 'refused for the test'; end $$");
        jdbc.execute("create trigger refuse_recovery before insert on scheduled_tasks for each row "
                + "when (new.task_name = 'payment-recovery' and convert_from(new.task_data, 'UTF8') like '%"
                + owner.accountId() + "%') execute function refuse_recovery()");
        try {
            assertThatThrownBy(() -> topUps.topUp(new Tenant(owner.accountId(), EnumSet.of(Mode.LIVE)),
                    "pay_norecovery", Money.ofMinor(1_000, "USD"), "pm_card_visa"))
                    .hasStackTraceContaining("refused for the test");
        } finally {
            jdbc.execute("drop trigger if exists refuse_recovery on scheduled_tasks");
            jdbc.execute("drop function if exists refuse_recovery()");
        }

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%.PaymentStartedEvent'", Integer.class, billingId)).isZero();
    }
}
