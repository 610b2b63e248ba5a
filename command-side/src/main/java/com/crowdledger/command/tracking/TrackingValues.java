package com.crowdledger.command.tracking;

import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The rules for values that offers, partners and conversions share: names, slugs, day counts and money. */
public final class TrackingValues {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_SLUG_LENGTH = 64;
    /** More than any offer's revenue or any single sale; larger amounts are typing mistakes. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    /**
     * No currency has more decimals; refused before any arithmetic, since rescaling a number like {@code 1e-999999999}
     * would compute a power of ten with a billion digits.
     */
    private static final int MAX_SCALE = 10;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private TrackingValues() {
    }

    /** @return the name, stripped */
    public static String name(String field, String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid(field, "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    /** A slug appears in public URLs: lower-case letters and digits in words joined by single hyphens. */
    public static String slug(String field, String slug) {
        if (slug == null || slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
            throw DomainException.invalid(field, "must be 1 to " + MAX_SLUG_LENGTH + " lower-case letters, digits "
                    + "and single hyphens between them, like summer-sale-2");
        }
        return slug;
    }

    public static int days(String field, int days, int min, int max) {
        if (days < min || days > max) {
            throw DomainException.invalid(field, "must be a whole number of days from " + min + " to " + max);
        }
        return days;
    }

    /** An exact, non-negative amount of the currency, with no more decimals than the currency has. */
    public static Money money(String field, BigDecimal amount, String currency) {
        if (amount == null) {
            throw DomainException.invalid(field, "is required");
        }
        if (amount.scale() > MAX_SCALE || amount.scale() < -MAX_SCALE) {
            throw DomainException.invalid(field, "must be a plain decimal amount, like 12.50");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw DomainException.invalid(field, "must be from 0 to " + MAX_AMOUNT.toPlainString());
        }
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, e.getMessage());
        }
    }

    /** An ISO 4217 currency code. */
    public static String currency(String field, String currency) {
        try {
            Money.currencyOf(currency);
            return currency;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, e.getMessage());
        }
    }
}
