package com.crowdledger.query.bug;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a bug list is narrowed to; every field may be null (no filter). {@code from} and {@code to} are UTC days,
 * both included: reported at or after the start of {@code from} and before the end of {@code to}.
 */
record BugFilter(String campaignId, BugStatus status, Severity severity, String testerId, LocalDate from,
                 LocalDate to) {

    Instant reportedFrom() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant reportedBefore() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
