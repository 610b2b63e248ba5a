package com.crowdledger.command.playtest;

import com.crowdledger.events.playtest.PlaytestOrderedEvent;
import com.crowdledger.shared.processing.Subscribing;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The slot lookup ({@code slot_lookup}): each slot's playtest, written in the order's transaction. */
@Component
@Subscribing
@ProcessingGroup("slot-lookup")
class JdbcSlotLookup implements SlotLookup {
    private final JdbcTemplate jdbc;

    JdbcSlotLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlaytestOrderedEvent event) {
        jdbc.batchUpdate("insert into slot_lookup (slot_id, playtest_id) values (?, ?)",
                event.slotIds().stream().map(slotId -> new Object[] {slotId, event.playtestId()}).toList());
    }

    @Override
    public Optional<String> playtestOf(String slotId) {
        List<String> found = jdbc.queryForList("select playtest_id from slot_lookup where slot_id = ?", String.class,
                slotId);
        return found.stream().findFirst();
    }
}
