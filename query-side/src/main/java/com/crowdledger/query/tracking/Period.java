package com.crowdledger.query.tracking;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.DateParameter;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The {@code from} and {@code to} of tracking's lists and reports. A date ({@code 2026-11-23}) is a whole UTC day,
 * and both ends are included: {@code from=2026-11-01&to=2026-11-30} is November. The conversion list also takes
 * instants ({@code 2026-11-23T10:00:00Z}): {@code from} included, {@code to} not. With the same dates, the report
 * and the conversion list cover exactly the same conversions.
 */
public record Period(Instant start, Instant end) {
    public static final String FROM = "from";
    public static final String TO = "to";
    /** Reports cover at most two years, so a daily report has at most this many days per group. */
    public static final int MAX_REPORT_DAYS = 731;
    static final int DEFAULT_REPORT_DAYS = 30;

    /** The conversion list's period: dates or instants, open on a side that is not given. */
    public static Period ofList(String from, String to) {
        Instant start = from == null || from.isBlank() ? Instant.EPOCH : startOf(FROM, from);
        Instant end = to == null || to.isBlank() ? Instant.parse("9999-12-31T00:00:00Z") : endOf(TO, to);
        return checked(start, end);
    }

    /** A report's period: whole UTC days, the last {@value #DEFAULT_REPORT_DAYS} by default. */
    public static Period ofReport(String from, String to, Clock clock) {
        LocalDate lastGiven = DateParameter.parse(TO, to);
        LocalDate last = lastGiven != null ? lastGiven : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate firstGiven = DateParameter.parse(FROM, from);
        LocalDate first = firstGiven != null ? firstGiven : last.minusDays(DEFAULT_REPORT_DAYS - 1);
        Period period = checked(startOfDay(first), startOfDay(last.plusDays(1)));
        if (ChronoUnit.DAYS.between(first, last) >= MAX_REPORT_DAYS) {
            throw DomainException.invalid(TO, "a report covers at most " + MAX_REPORT_DAYS + " days");
        }
        return period;
    }

    public LocalDate firstDay() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** The last day included. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(1);
    }

    private static Period checked(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw DomainException.invalid(FROM, "must be before to");
        }
        return new Period(start, end);
    }

    private static Instant startOf(String field, String value) {
        return value.length() == 10 ? startOfDay(DateParameter.parse(field, value)) : instant(field, value);
    }

    private static Instant endOf(String field, String value) {
        return value.length() == 10 ? startOfDay(DateParameter.parse(field, value).plusDays(1))
                : instant(field, value);
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant instant(String field, String value) {
        try {
            return DateParameter.requireWithinBounds(field, Instant.parse(value));
        } catch (DateTimeException e) {
            throw DomainException.invalid(field, "must be a date like 2026-11-23 or an instant like "
                    + "2026-11-23T10:00:00Z");
        }
    }
}
