package com.crowdledger.command.bug;

import java.util.Optional;

/** Which campaign a bug was reported in, kept in the write model's own table. */
public interface BugLookup {
    Optional<String> campaignOf(String bugId);
}
