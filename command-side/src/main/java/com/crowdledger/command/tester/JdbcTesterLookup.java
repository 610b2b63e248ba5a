package com.crowdledger.command.tester;

import com.crowdledger.events.tester.TesterProfileCreatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tester lookup ({@code tester_lookup}), written in the transaction that creates a profile. */
@Component
@Subscribing
@ProcessingGroup("tester-lookup")
class JdbcTesterLookup implements TesterLookup {
    private final JdbcTemplate jdbc;

    JdbcTesterLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TesterProfileCreatedEvent event) {
        jdbc.update("insert into tester_lookup (account_id, mode, tester_id) values (?, ?, ?)", event.accountId(),
                event.mode().name(), event.testerId());
    }

    @Override
    public Optional<String> testerId(String accountId, Mode mode) {
        return jdbc.queryForList("select tester_id from tester_lookup where account_id = ? and mode = ?",
                String.class, accountId, mode.name()).stream().findFirst();
    }

    @Override
    public Set<String> existing(Collection<String> testerIds, Mode mode) {
        if (testerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select tester_id from tester_lookup where mode = ? and tester_id = any(?)", String.class, mode.name(),
                testerIds.toArray(String[]::new)));
    }
}
