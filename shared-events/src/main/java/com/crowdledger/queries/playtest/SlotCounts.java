package com.crowdledger.queries.playtest;

/** How many of a playtest's slots are in each status. */
public record SlotCounts(int open, int reserved, int submitted, int accepted, int rejected, int expired) {
}
