package com.crowdledger.shared.web;

import com.crowdledger.shared.error.DomainException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A date request parameter ({@code from=2026-11-23}), read from its text, and the range an instant one must keep to.
 * Spring's {@code @DateTimeFormat} conversion of the same parameter looked its parser up through the parameter's
 * annotations on every request, a fifth of a window's analytics read in a profile (README, "Crowdtesting (issue 7)").
 */
public final class DateParameter {
    private static final Instant LATEST_INSTANT = Instant.parse("9000-01-01T00:00:00Z");

    private DateParameter() {
    }

    /**
     * The instant, when it lies between 1970 and 9000; else 422 naming {@code name}. An instant as far out as
     * {@link Instant} reaches would fail the JDBC driver's conversion (a 500) or PostgreSQL's range (and a query).
     */
    public static Instant requireWithinBounds(String name, Instant instant) {
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST_INSTANT)) {
            throw DomainException.invalid(name, "must be between 1970 and 9000");
        }
        return instant;
    }

    /** The date, or null when the parameter is absent or blank; 422 naming {@code name} when it is not a date. */
    public static @Nullable LocalDate parse(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw DomainException.invalid(name, "must be a date like 2026-11-23");
        }
        if (date.getYear() < 2000 || date.getYear() > 9000) {
            throw DomainException.invalid(name, "must be a date from the years 2000 to 9000");
        }
        return date;
    }
}
