package com.crowdledger.query.analytics;

import com.crowdledger.events.bug.BugAcceptedEvent;
import com.crowdledger.events.bug.BugFixedEvent;
import com.crowdledger.events.bug.BugRejectedEvent;
import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.events.bug.BugTriagedEvent;
import com.crowdledger.events.bug.BugVerifiedEvent;
import com.crowdledger.events.campaign.CampaignChangedEvent;
import com.crowdledger.events.campaign.CampaignCreatedEvent;
import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.shared.processing.Subscribing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each campaign's analytics as counters, one SQL statement per event: a report adds to its day's
 * {@code reported} and to its cohort (report day, status, severity); each move of a bug takes it from one status of
 * its cohort to the next (only if the bug is in the status the move starts from, so an event counts once); an
 * acceptance adds to its day's {@code accepted}, an earning to its day's {@code reward_spend}. Days are UTC.
 */
@Component
@Subscribing
@ProcessingGroup(CampaignAnalyticsProjection.PROCESSING_GROUP)
class CampaignAnalyticsProjection {
    static final String PROCESSING_GROUP = "campaign-analytics";

    private static final String REPORT = """
            with bug as (
                insert into analytics_bugs (bug_id, campaign_id, reported_at, reported_on, status, severity)
                values (?, ?, ?, ?, 'NEW', ?)
                on conflict (bug_id) do nothing
                returning campaign_id, reported_on, severity),
            cohort as (
                insert into analytics_cohorts (campaign_id, reported_on, status, severity, bugs)
                select campaign_id, reported_on, 'NEW', severity, 1 from bug
                on conflict (campaign_id, reported_on, status, severity) do update set bugs = analytics_cohorts.bugs + 1)
            insert into analytics_days (campaign_id, day, reported, accepted, reward_spend)
            select campaign_id, reported_on, 1, 0, 0 from bug
            on conflict (campaign_id, day) do update set reported = analytics_days.reported + 1""";

    /** Moves a bug from status ?1 to ?2 in its cohort; the first CTE also sets the triage time when asked. */
    private static final String MOVE = """
            with moved as (
                update analytics_bugs set status = ?,
                    triage_seconds = case when ? then floor(extract(epoch from (?::timestamptz - reported_at)))::bigint
                                          else triage_seconds end
                where bug_id = ? and status = ?
                returning campaign_id, reported_on, severity),
            left_behind as (
                update analytics_cohorts c set bugs = c.bugs - 1 from moved m
                where c.campaign_id = m.campaign_id and c.reported_on = m.reported_on and c.status = ?
                  and c.severity = m.severity),
            accepted_on as (
                insert into analytics_days (campaign_id, day, reported, accepted, reward_spend)
                select campaign_id, ?, 0, 1, 0 from moved where ?
                on conflict (campaign_id, day) do update set accepted = analytics_days.accepted + 1)
            insert into analytics_cohorts (campaign_id, reported_on, status, severity, bugs)
            select campaign_id, reported_on, ?, severity, 1 from moved
            on conflict (campaign_id, reported_on, status, severity) do update set bugs = analytics_cohorts.bugs + 1""";

    private final JdbcTemplate jdbc;

    CampaignAnalyticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CampaignCreatedEvent event) {
        jdbc.update("insert into analytics_campaigns (campaign_id, account_id, mode, created_on, testers_required,"
                        + " testers_joined, currency) values (?, ?, ?, ?, ?, 0, ?)", event.campaignId(),
                event.accountId(), event.mode().name(), day(event.createdAt()), event.testersRequired(),
                event.rewardPerBug().currency());
    }

    @EventHandler
    void on(CampaignChangedEvent event) {
        jdbc.update("update analytics_campaigns set testers_required = ?, currency = ? where campaign_id = ?",
                event.testersRequired(), event.rewardPerBug().currency(), event.campaignId());
    }

    @EventHandler
    void on(TesterJoinedCampaignEvent event) {
        jdbc.update("update analytics_campaigns set testers_joined = testers_joined + 1 where campaign_id = ?",
                event.campaignId());
    }

    @EventHandler
    void on(BugSubmittedEvent event) {
        jdbc.update(REPORT, event.bugId(), event.campaignId(), utc(event.submittedAt()), day(event.submittedAt()),
                event.severity().name());
    }

    @EventHandler
    void on(BugTriagedEvent event) {
        move(event.bugId(), BugStatus.NEW, BugStatus.TRIAGED, event.triagedAt());
    }

    @EventHandler
    void on(BugAcceptedEvent event) {
        move(event.bugId(), BugStatus.TRIAGED, BugStatus.ACCEPTED, event.acceptedAt());
    }

    @EventHandler
    void on(BugRejectedEvent event) {
        move(event.bugId(), BugStatus.TRIAGED, BugStatus.REJECTED, event.rejectedAt());
    }

    @EventHandler
    void on(BugFixedEvent event) {
        move(event.bugId(), BugStatus.ACCEPTED, BugStatus.FIXED, event.fixedAt());
    }

    @EventHandler
    void on(BugVerifiedEvent event) {
        move(event.bugId(), BugStatus.FIXED, BugStatus.VERIFIED, event.verifiedAt());
    }

    /** Rewards of bugs count toward their campaign's spend on the day they were earned. */
    @EventHandler
    void on(TesterEarningRecordedEvent event) {
        if (!EarningSource.BUG.equals(event.source().type()) || event.source().campaignId() == null) {
            return;
        }
        jdbc.update("""
                        insert into analytics_days (campaign_id, day, reported, accepted, reward_spend)
                        values (?, ?, 0, 0, ?)
                        on conflict (campaign_id, day) do update
                        set reward_spend = analytics_days.reward_spend + excluded.reward_spend""",
                event.source().campaignId(), day(event.recordedAt()), event.amount().amount());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from analytics_days");
        jdbc.update("delete from analytics_cohorts");
        jdbc.update("delete from analytics_bugs");
        jdbc.update("delete from analytics_campaigns");
    }

    private void move(String bugId, BugStatus from, BugStatus to, Instant at) {
        boolean triage = to == BugStatus.TRIAGED;
        boolean acceptance = to == BugStatus.ACCEPTED;
        jdbc.update(MOVE, to.name(), triage, utc(at), bugId, from.name(), from.name(), day(at), acceptance,
                to.name());
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
