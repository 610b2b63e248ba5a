package com.crowdledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsKeepTheCurrencysMinorUnitsExactly() {
        assertThat(Money.of("4", "USD").amount()).isEqualTo(new BigDecimal("4.00"));
        assertThat(Money.of("4.00", "USD")).isEqualTo(Money.of("4", "USD"));
        assertThat(Money.of("1500", "JPY").amount()).isEqualTo(new BigDecimal("1500"));
        assertThat(Money.ofMinor(450, "EUR")).isEqualTo(Money.of("4.50", "EUR"));
        assertThat(Money.of("4.50", "EUR").minorUnits()).isEqualTo(450);
    }

    @Test
    void arithmeticIsExact() {
        Money tenCents = Money.of("0.10", "USD");
        Money sum = Money.zero("USD");
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(tenCents);
        }
        assertThat(sum).isEqualTo(Money.of("1.00", "USD"));
        assertThat(tenCents.times(3).minus(Money.of("0.30", "USD")).isZero()).isTrue();
        assertThat(Money.of("1", "USD").minus(Money.of("2", "USD")).isNegative()).isTrue();
        assertThat(Money.of("1", "USD").isLessThan(Money.of("1.01", "USD"))).isTrue();
    }

    @Test
    void refusesWhatItCannotHoldExactly() {
        assertThatThrownBy(() -> Money.of("0.001", "USD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimals");
        assertThatThrownBy(() -> Money.of("1", "usd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "XAU")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paid in");
        assertThatThrownBy(() -> Money.of("1", "XXX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
