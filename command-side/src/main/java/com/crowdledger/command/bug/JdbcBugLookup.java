package com.crowdledger.command.bug;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.events.bug.BugRejectedEvent;
import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The bug lookup ({@code bug_lookup}), written in the transaction of each report and each duplicate. */
@Component
@Subscribing
@ProcessingGroup("bug-lookup")
class JdbcBugLookup implements BugLookup {
    private final JdbcTemplate jdbc;
    private final TransactionLocks locks;

    JdbcBugLookup(JdbcTemplate jdbc, TransactionLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    @EventHandler
    void on(BugSubmittedEvent event) {
        jdbc.update("insert into bug_lookup (bug_id, campaign_id) values (?, ?)", event.bugId(), event.campaignId());
    }

    @EventHandler
    void on(BugRejectedEvent event) {
        if (event.resolution() == Resolution.DUPLICATE) {
            jdbc.update("update bug_lookup set duplicate_of = ? where bug_id = ?", event.duplicateOf(), event.bugId());
        }
    }

    @Override
    public Optional<Reported> find(String bugId) {
        return jdbc.query("select campaign_id, duplicate_of from bug_lookup where bug_id = ?",
                (row, n) -> new Reported(row.getString("campaign_id"), row.getString("duplicate_of")), bugId).stream()
                .findFirst();
    }

    @Override
    public void lockDuplicates(String campaignId) {
        locks.lock("bug-duplicates", campaignId);
    }
}
