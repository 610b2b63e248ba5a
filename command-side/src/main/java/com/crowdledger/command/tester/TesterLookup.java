package com.crowdledger.command.tester;

import com.crowdledger.shared.Mode;
import java.util.Optional;

/** Which profile a tester account has in a mode (at most one), kept in the write model's own table. */
public interface TesterLookup {
    Optional<String> testerId(String accountId, Mode mode);
}
