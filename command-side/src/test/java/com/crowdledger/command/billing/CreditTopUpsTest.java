package com.crowdledger.command.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's test cards never make live credit, unless a setting for local use says so. */
class CreditTopUpsTest {

    @Test
    void theSandboxTakesNoLivePaymentsByDefault() {
        BillingSettings settings = new BillingSettings(null, Duration.ofSeconds(30), null, false);
        CreditTopUps topUps = new CreditTopUps(null, new PaymentProviders(List.of(new SandboxPaymentProvider()),
                settings), null, settings, null);

        assertThatThrownBy(() -> topUps.topUp(new Tenant("acct_owner", EnumSet.of(Mode.LIVE)), "pay_1",
                Money.ofMinor(10_000, "USD"), "pm_card_visa"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.PAYMENT_FAILED));
    }
}
