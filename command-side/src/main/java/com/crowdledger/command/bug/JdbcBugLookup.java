package com.crowdledger.command.bug;

import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The bug lookup ({@code bug_lookup}), written in the transaction of each report. */
@Component
@Subscribing
@ProcessingGroup("bug-lookup")
class JdbcBugLookup implements BugLookup {
    private final JdbcTemplate jdbc;

    JdbcBugLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BugSubmittedEvent event) {
        jdbc.update("insert into bug_lookup (bug_id, campaign_id) values (?, ?)", event.bugId(), event.campaignId());
    }

    @Override
    public Optional<String> campaignOf(String bugId) {
        return jdbc.queryForList("select campaign_id from bug_lookup where bug_id = ?", String.class, bugId).stream()
                .findFirst();
    }
}
