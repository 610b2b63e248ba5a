package com.crowdledger.command.bug;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the write model knows of each reported bug, kept in its own table. */
public interface BugLookup {
    Optional<Reported> find(String bugId);

    /**
     * Until the transaction ends, duplicates in the campaign are marked one at a time, each seeing the ones before:
     * two bugs marked as each other's duplicate at once would otherwise both pass, leaving no original.
     */
    void lockDuplicates(String campaignId);

    /** A bug's campaign, and the bug it was rejected as a duplicate of (null when it was not). */
    record Reported(String campaignId, @Nullable String duplicateOf) {
    }
}
