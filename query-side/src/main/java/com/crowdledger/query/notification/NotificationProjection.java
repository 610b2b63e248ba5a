package com.crowdledger.query.notification;

import com.crowdledger.events.billing.CreditLowEvent;
import com.crowdledger.events.bug.BugRejectedEvent;
import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.events.chat.ChatMessagePostedEvent;
import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.events.notification.NotificationPreferencesChangedEvent;
import com.crowdledger.events.notification.NotificationType;
import com.crowdledger.events.playtest.SlotReservationExpiringEvent;
import com.crowdledger.events.playtest.SubmissionAcceptedEvent;
import com.crowdledger.events.playtest.SubmissionReceivedEvent;
import com.crowdledger.events.playtest.SubmissionRejectedEvent;
import com.crowdledger.events.webhook.WebhookDisabledReason;
import com.crowdledger.events.webhook.WebhookEndpointDisabledEvent;
import com.crowdledger.query.batching.UnitOfWorkBatch;
import com.crowdledger.query.eventlog.EventIds;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Tracking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns the domain events SPEC §7 names into notifications for their recipients. Tracking: a notification must never
 * slow or fail the command that caused it. One thread (one segment), so notifications are inserted by one writer at
 * a time and a recipient's {@code sequence} grows in commit order, which the live stream relies on.
 *
 * <p>A notification's id derives from its event's identifier, its recipient and its type, and is inserted with
 * {@code on conflict do nothing}: a retried batch, a replay or a rebuild never makes a second one. A batch's
 * notifications are inserted in one statement when its unit of work commits (the event log's way), which also
 * announces them with {@code pg_notify} (delivered at commit) to every node's stream listener.
 * Preferences are events in the same ordered stream, so each event is judged by the preferences in force when it
 * happened, live and replayed alike.
 *
 * <p>A rebuild re-derives the preferences and bug facts and re-inserts missing notifications; it keeps the rows that
 * exist, because their read marks are the recipient's own state (no event records them) and their sequence is what
 * open streams and {@code Last-Event-ID} point at.
 *
 * <p>A new source (playtesting: a submission received, a reservation expiring, credit low) is one more handler
 * calling {@link #notify}.
 */
@Component
@Tracking(batchSize = 100)
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationProjection {
    static final String PROCESSING_GROUP = "notifications";
    static final String CHANNEL = "crowdledger_notifications";
    private static final String BATCH = NotificationProjection.class.getName() + ".batch";
    private static final int BATCH_COLUMNS = 8;

    private final JdbcTemplate jdbc;
    private final NotificationData json;

    NotificationProjection(JdbcTemplate jdbc, NotificationData json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The notifications of the batch's earlier events are inserted first: they are judged by the preferences before. */
    @EventHandler
    void on(NotificationPreferencesChangedEvent event) {
        insert(batch());
        jdbc.update("""
                insert into notification_preferences (account_id, mode, disabled) values (?, ?, ?::text[])
                on conflict (account_id, mode) do update set disabled = excluded.disabled""",
                event.accountId(), event.mode().name(),
                "{" + String.join(",", event.disabled().stream().map(Enum::name).toList()) + "}");
    }

    @EventHandler
    void on(BugSubmittedEvent event, EventMessage<?> message) {
        jdbc.update("insert into notification_bugs (bug_id, tester_account_id, title) values (?, ?, ?) "
                + "on conflict do nothing", event.bugId(), event.testerAccountId(), event.title());
        notify(message, event.accountId(), event.mode(), NotificationType.BUG_REPORTED,
                "New " + event.severity().wireName() + " bug report: " + event.title(), event.submittedAt(),
                "bugId", event.bugId(), "campaignId", event.campaignId(), "testerId", event.testerId(),
                "severity", event.severity().wireName());
    }

    @EventHandler
    void on(TesterJoinedCampaignEvent event, EventMessage<?> message) {
        notify(message, event.accountId(), event.mode(), NotificationType.TESTER_JOINED,
                "A tester joined your campaign", event.joinedAt(),
                "campaignId", event.campaignId(), "testerId", event.testerId(),
                "testerAccountId", event.testerAccountId());
    }

    @EventHandler
    void on(WebhookEndpointDisabledEvent event, EventMessage<?> message) {
        if (event.reason() == WebhookDisabledReason.REQUESTED) {
            return; // the owner did it: nothing to tell
        }
        notify(message, event.accountId(), event.mode(), NotificationType.WEBHOOK_ENDPOINT_DISABLED,
                event.reason() == WebhookDisabledReason.GONE
                        ? "A webhook endpoint answered 410 Gone and was disabled"
                        : "A webhook endpoint kept failing and was disabled", event.disabledAt(),
                "webhookId", event.webhookId(), "reason", event.reason().wireName());
    }

    /** An accepted bug is told by its earning, which names the tester and carries the reward (a submission's
     * acceptance is told by its own event). */
    @EventHandler
    void on(TesterEarningRecordedEvent event, EventMessage<?> message) {
        if (!EarningSource.BUG.equals(event.source().type())) {
            return;
        }
        String title = jdbc.query("select title from notification_bugs where bug_id = ?",
                rows -> rows.next() ? rows.getString(1) : null, event.source().id());
        notify(message, event.testerAccountId(), event.mode(), NotificationType.BUG_ACCEPTED,
                "Your bug report was accepted: " + event.amount().amount().toPlainString() + " "
                        + event.amount().currency() + (title == null ? "" : " for \"" + title + "\""),
                event.recordedAt(), "bugId", event.source().id(), "campaignId", event.source().campaignId(),
                "earningId", event.earningId(),
                "reward", Map.of("amount", event.amount().amount().toPlainString(), "currency",
                        event.amount().currency()));
    }

    @EventHandler
    void on(BugRejectedEvent event, EventMessage<?> message) {
        jdbc.query("select tester_account_id, title from notification_bugs where bug_id = ?", rows -> {
            notify(message, rows.getString(1), event.mode(), NotificationType.BUG_REJECTED,
                    "Your bug report was rejected (" + event.resolution().wireName() + "): " + rows.getString(2),
                    event.rejectedAt(), "bugId", event.bugId(), "campaignId", event.campaignId(),
                    "resolution", event.resolution().wireName(), "duplicateOf", event.duplicateOf());
        }, event.bugId());
    }

    @EventHandler
    void on(SubmissionReceivedEvent event, EventMessage<?> message) {
        notify(message, event.accountId(), event.mode(), NotificationType.SUBMISSION_RECEIVED,
                "A playtest submission awaits your review", event.submittedAt(), "playtestId", event.playtestId(),
                "slotId", event.slotId(), "submissionId", event.submissionId(), "testerId", event.testerId());
    }

    @EventHandler
    void on(SubmissionAcceptedEvent event, EventMessage<?> message) {
        notify(message, event.testerAccountId(), event.mode(), NotificationType.SUBMISSION_ACCEPTED,
                "Your playtest submission was accepted: " + event.payout().amount().toPlainString() + " "
                        + event.payout().currency(), event.acceptedAt(), "playtestId", event.playtestId(),
                "slotId", event.slotId(), "submissionId", event.submissionId(),
                "payout", Map.of("amount", event.payout().amount().toPlainString(), "currency",
                        event.payout().currency()));
    }

    @EventHandler
    void on(SubmissionRejectedEvent event, EventMessage<?> message) {
        notify(message, event.testerAccountId(), event.mode(), NotificationType.SUBMISSION_REJECTED,
                "Your playtest submission was rejected", event.rejectedAt(), "playtestId", event.playtestId(),
                "slotId", event.slotId(), "submissionId", event.submissionId(), "reason", event.reason());
    }

    @EventHandler
    void on(SlotReservationExpiringEvent event, EventMessage<?> message) {
        notify(message, event.testerAccountId(), event.mode(), NotificationType.SLOT_RESERVATION_EXPIRING,
                "Your playtest slot reservation ends soon: submit before it opens again", message.getTimestamp(),
                "playtestId", event.playtestId(), "slotId", event.slotId(), "reservedUntil",
                event.reservedUntil().toString());
    }

    @EventHandler
    void on(CreditLowEvent event, EventMessage<?> message) {
        notify(message, event.accountId(), event.mode(), NotificationType.CREDIT_LOW,
                "Your credit is low: " + event.balance().amount().toPlainString() + " " + event.balance().currency(),
                event.at(), "balance", Map.of("amount", event.balance().amount().toPlainString(), "currency",
                        event.balance().currency()));
    }

    /** The other participant is told, with the message itself. */
    @EventHandler
    void on(ChatMessagePostedEvent event, EventMessage<?> message) {
        String recipient = event.senderAccountId().equals(event.accountId()) ? event.testerAccountId()
                : event.accountId();
        notify(message, recipient, event.mode(), NotificationType.NEW_MESSAGE, "New message", event.postedAt(),
                "conversationId", event.conversationId(), "messageId", event.messageId(),
                "senderAccountId", event.senderAccountId(), "text", event.text(), "sequence", event.sequence());
    }

    /**
     * The recipient's notification of this event, inserted with the rest of the batch unless the recipient turned
     * its type off or it exists.
     *
     * @param fields the {@code data} object's names and values, in pairs; null values are left out
     */
    void notify(EventMessage<?> message, String recipient, Mode mode, NotificationType type, String title,
                Instant at, Object... fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                data.put((String) fields[i], fields[i + 1]);
            }
        }
        String id = Ids.derived(Ids.NOTIFICATION, message.getIdentifier() + ":" + recipient + ":" + type.name());
        batch().add(new String[] {id, recipient, mode.name(), type.name(), title, json.write(data),
                EventIds.of(message.getIdentifier()), at.toString()});
    }

    private List<String[]> batch() {
        return UnitOfWorkBatch.current(BATCH, ArrayList::new, this::insert);
    }

    /**
     * One statement for the batch's notifications, in event order, each judged by its recipient's preferences, and
     * one {@code pg_notify} per recipient with its newest sequence ({@code <account> <mode> <sequence>}, delivered at
     * commit to every node's stream listener).
     */
    private void insert(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Object[] columns = new Object[BATCH_COLUMNS + 1];
        for (int column = 0; column < BATCH_COLUMNS; column++) {
            int c = column;
            columns[column] = rows.stream().map(row -> row[c]).toArray(String[]::new);
        }
        columns[BATCH_COLUMNS] = CHANNEL;
        jdbc.query("""
                with batch as (
                    select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                         ?::text[]) with ordinality
                        as b(id, account_id, mode, type, title, data, event_id, created_at, position)),
                created as (
                    insert into notifications (id, account_id, mode, type, title, data, event_id, created_at)
                    select b.id, b.account_id, b.mode, b.type, b.title, b.data::jsonb, b.event_id,
                           b.created_at::timestamptz
                    from batch b
                    where not exists (select 1 from notification_preferences p
                                      where p.account_id = b.account_id and p.mode = b.mode
                                        and b.type = any (p.disabled))
                    order by b.position
                    on conflict (id) do nothing
                    returning account_id, mode, sequence)
                select pg_notify(?, account_id || ' ' || mode || ' ' || max(sequence)) from created
                group by account_id, mode""", announced -> {
                }, columns);
        rows.clear();
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from notification_preferences");
        jdbc.update("delete from notification_bugs");
    }
}
