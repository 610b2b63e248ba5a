package com.crowdledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.IntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A token's gaps are read back with the events after it, in global order, by the query bounded below by the lowest
 * gap: what Axon's own query returns.
 */
class GapBoundedEventStorageEngineIT extends IntegrationTest {
    @Autowired
    EventStorageEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEventStoreReadsGapsThroughTheIndex() {
        assertThat(engine).isInstanceOf(GapBoundedEventStorageEngine.class);
    }

    @Test
    void aTokenWithGapsReadsItsGapsThenTheEventsAfterIt() {
        for (int i = 0; i < 3; i++) {
            accounts.registerWithKey("owner", "test"); // two events or more each
        }
        List<StoredEvent> stored = lastEvents(6);
        assertThat(stored).hasSize(6);

        // events 0 and 2 were not committed yet when the token passed them; 3 is the last the token saw
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(stored.get(3).index(),
                new TreeSet<>(Set.of(stored.get(0).index(), stored.get(2).index())));

        assertThat(read(token, 4)).containsExactly(stored.get(0).id(), stored.get(2).id(), stored.get(4).id(),
                stored.get(5).id());
    }

    @Test
    void aTokenWithoutGapsReadsTheEventsAfterIt() {
        for (int i = 0; i < 2; i++) {
            accounts.registerWithKey("owner", "test");
        }
        List<StoredEvent> stored = lastEvents(3);
        assertThat(stored).hasSize(3);

        assertThat(read(GapAwareTrackingToken.newInstance(stored.get(0).index(), Set.of()), 2))
                .containsExactly(stored.get(1).id(), stored.get(2).id());
    }

    private record StoredEvent(long index, String id) {
    }

    /** The last {@code n} events stored, oldest first. */
    private List<StoredEvent> lastEvents(int n) {
        return jdbc.query("select * from (select global_index, event_identifier from domain_event_entry "
                        + "order by global_index desc limit ?) last order by global_index",
                (row, i) -> new StoredEvent(row.getLong(1), row.getString(2)), n);
    }

    /** The identifiers of the first {@code events} events read from the token on. */
    private List<String> read(GapAwareTrackingToken token, int events) {
        return engine.readEvents(token, false).limit(events).map(TrackedEventMessage::getIdentifier).toList();
    }
}
