package com.crowdledger.command.tester;

import com.crowdledger.shared.Mode;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Which profile a tester account has in a mode (at most one), kept in the write model's own table. */
public interface TesterLookup {
    Optional<String> testerId(String accountId, Mode mode);

    /** Those of {@code testerIds} that are testers' profiles in {@code mode}. */
    Set<String> existing(Collection<String> testerIds, Mode mode);
}
