package com.crowdledger.queries.playtest;

/** Who asks for a slot: its playtest's owner, or a tester (who sees its own reservation's key, and nobody else's). */
public enum SlotViewer {
    OWNER, TESTER
}
