package com.crowdledger.shared.web;

import com.crowdledger.shared.error.DomainException;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A date request parameter ({@code from=2026-11-23}), read from its text. Spring's {@code @DateTimeFormat} conversion
 * of the same parameter looked its parser up through the parameter's annotations on every request, a fifth of a
 * window's analytics read in a profile (README, "Crowdtesting (issue 7)").
 */
public final class DateParameter {
    private DateParameter() {
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
