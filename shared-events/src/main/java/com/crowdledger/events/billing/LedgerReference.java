package com.crowdledger.events.billing;

/**
 * What a ledger entry is for: {@code type} {@code payment}, {@code playtest}, {@code submission} or {@code bug}, and
 * that object's id.
 */
public record LedgerReference(String type, String id) {
    public static final String PAYMENT = "payment";
    public static final String PLAYTEST = "playtest";
    public static final String SUBMISSION = "submission";
    public static final String BUG = "bug";
}
