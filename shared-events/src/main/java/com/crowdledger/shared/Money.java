package com.crowdledger.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency (ISO 4217 code, upper case), never a floating-point number. The amount keeps the
 * currency's minor units ({@code 4} USD is {@code 4.00}); an amount finer than the currency allows (0.001 USD) is
 * refused rather than rounded. Arithmetic only combines amounts of the same currency.
 */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Currency unit = currencyOf(currency);
        try {
            amount = amount.setScale(Math.max(unit.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than " + currency
                    + " allows (" + unit.getDefaultFractionDigits() + ")", e);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** An amount given in minor units (cents): {@code ofMinor(450, "USD")} is 4.50 USD. */
    public static Money ofMinor(long minorUnits, String currency) {
        return new Money(BigDecimal.valueOf(minorUnits, currencyOf(currency).getDefaultFractionDigits()), currency);
    }

    public static Money zero(String currency) {
        return ofMinor(0, currency);
    }

    /** The amount in minor units (cents), exactly. */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    @JsonIgnore // not a property: stored events and the feed carry amount and currency only
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** True when this amount is less than the other (same currency). */
    public boolean isLessThan(Money other) {
        return amount.compareTo(sameCurrency(other).amount) < 0;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    /** @throws IllegalArgumentException for anything but an upper-case ISO 4217 code */
    public static Currency currencyOf(String code) {
        if (!isThreeCapitals(code)) {
            throw new IllegalArgumentException("A currency is a three-letter ISO 4217 code, like USD");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(code + " is not an ISO 4217 currency", e);
        }
        // gold, SDRs, "no currency" (XAU, XDR, XXX...) have codes but no minor unit: nothing is paid in them
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(code + " is not a currency money is paid in");
        }
        return currency;
    }

    /** {@code [A-Z]{3}} without a regular expression: money is made on every postback and every event read. */
    private static boolean isThreeCapitals(String code) {
        return code != null && code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
