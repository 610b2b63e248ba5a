package com.crowdledger.queries.playtest;

import com.crowdledger.shared.web.Tenant;

/** One slot: of the owner's playtests, or as a tester may see it (see {@link SlotViewer}). */
public record FindSlotQuery(String slotId, Tenant tenant, SlotViewer viewer) {
}
