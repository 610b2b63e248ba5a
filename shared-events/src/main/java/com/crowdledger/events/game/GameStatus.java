package com.crowdledger.events.game;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A game takes playtest orders while {@code active}; {@code archived} keeps its history and takes none. */
public enum GameStatus {
    ACTIVE, ARCHIVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static GameStatus fromWire(String value) {
        return WireNames.parse(GameStatus.class, value);
    }
}
