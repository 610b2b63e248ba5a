package com.crowdledger.command.tracking.conversion;

/** The answer to a postback whose txn_id the offer has seen: nothing changed; {@code id} is the earlier conversion. */
public record DuplicateConversion(boolean duplicate, String id) {

    static DuplicateConversion of(String id) {
        return new DuplicateConversion(true, id);
    }
}
