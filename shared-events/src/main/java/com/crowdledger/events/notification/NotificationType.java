package com.crowdledger.events.notification;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a notification is about (SPEC §7); each can be turned off per account and mode. */
public enum NotificationType {
    /** Owner: a tester reported a bug in one of its campaigns. */
    BUG_REPORTED,
    /** Owner: a tester joined one of its campaigns. */
    TESTER_JOINED,
    /** Owner: a webhook endpoint was disabled because it answered 410 or kept failing. */
    WEBHOOK_ENDPOINT_DISABLED,
    /** Tester: the owner accepted its bug, with the reward earned. */
    BUG_ACCEPTED,
    /** Tester: the owner rejected its bug, with the resolution. */
    BUG_REJECTED,
    /** Owner: a tester submitted a playtest slot, awaiting review. */
    SUBMISSION_RECEIVED,
    /** Owner: its credit in the mode fell below the low-credit threshold. */
    CREDIT_LOW,
    /** Tester: the owner accepted its playtest submission, with the payout earned. */
    SUBMISSION_ACCEPTED,
    /** Tester: the owner rejected its playtest submission, with the reason. */
    SUBMISSION_REJECTED,
    /** Tester: its slot reservation ends soon, and the slot opens again unless it submits. */
    SLOT_RESERVATION_EXPIRING,
    /** Either participant: the other one wrote in their conversation. */
    NEW_MESSAGE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static NotificationType fromWire(String value) {
        return WireNames.parse(NotificationType.class, value);
    }
}
