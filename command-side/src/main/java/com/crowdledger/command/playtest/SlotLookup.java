package com.crowdledger.command.playtest;

import java.util.Optional;

/** Which playtest a slot belongs to (slot commands are commands on the playtest), in the write model's own table. */
public interface SlotLookup {
    Optional<String> playtestOf(String slotId);
}
