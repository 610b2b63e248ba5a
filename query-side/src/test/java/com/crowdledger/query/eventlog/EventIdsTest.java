package com.crowdledger.query.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void anEventsIdIsDerivedFromTheStoresIdentifierAlone() {
        String stored = "0b8e5a4e-3c1f-4d0a-9b1e-6f1c2d3e4f50";
        assertThat(EventIds.of(stored)).matches("evt_[0-9A-Za-z]{22}").isEqualTo(EventIds.of(stored));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EventIds.of(UUID.randomUUID().toString()));
        }
        assertThat(ids).hasSize(10_000).allMatch(id -> id.matches("evt_[0-9A-Za-z]{22}"));
    }
}
