package com.crowdledger.query.notification;

import com.crowdledger.events.notification.NotificationType;
import com.crowdledger.queries.notification.NotificationPreferencesView;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's own notifications, in its key's mode (SPEC §7): owners and testers alike, with a {@code notifications}
 * key. Marking read is the recipient's own state, kept in its row (no event records it).
 */
@RestController
@RequestMapping("/v1/notifications")
@Authenticated(scope = Scope.NOTIFICATIONS)
class NotificationController {
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final NotificationRowRepository notifications;
    private final NotificationData json;
    private final JdbcTemplate jdbc;
    private final NotificationStreams streams;

    NotificationController(NotificationRowRepository notifications, NotificationData json, JdbcTemplate jdbc,
                           NotificationStreams streams) {
        this.notifications = notifications;
        this.json = json;
        this.jdbc = jdbc;
        this.streams = streams;
    }

    record UnreadCount(long count) {
    }

    record MarkedRead(long marked) {
    }

    /** Newest first; {@code unread=true} lists only those not read yet. */
    @GetMapping
    ListPage<NotificationView> list(Caller caller, PageRequest page,
                                    @RequestParam(required = false) Boolean unread) {
        Tenant me = Tenant.of(caller);
        List<NotificationRow> rows = Boolean.TRUE.equals(unread)
                ? notifications.pageUnread(me, page.afterCreatedAt(), page.afterId(), page.fetchLimit())
                : notifications.page(me, page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, NotificationRow::position, found -> found.stream().map(row -> row.view(json))
                .toList());
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(Caller caller) {
        return new UnreadCount(notifications.countUnread(Tenant.of(caller)));
    }

    /** Marks one read (again: no change); answers it. */
    @PostMapping("/{id}/read")
    NotificationView read(Caller caller, @PathVariable String id) {
        Tenant me = Tenant.of(caller);
        if (!Ids.hasPrefix(id, Ids.NOTIFICATION)) {
            throw DomainException.notFound("Notification");
        }
        jdbc.update("update notifications set read_at = ? where id = ? and account_id = ? and mode = ? "
                + "and read_at is null", now(), id, me.accountId(), caller.mode().name());
        return notifications.find(me, id).map(row -> row.view(json))
                .orElseThrow(() -> DomainException.notFound("Notification"));
    }

    /** Marks every unread notification read; answers how many were. */
    @PostMapping("/read-all")
    MarkedRead readAll(Caller caller) {
        return new MarkedRead(jdbc.update("update notifications set read_at = ? where account_id = ? and mode = ? "
                + "and read_at is null", now(), caller.accountId(), caller.mode().name()));
    }

    /** Every type, on or off, as of the last change the notifications projection handled (within moments). */
    @GetMapping("/preferences")
    NotificationPreferencesView preferences(Caller caller) {
        List<String[]> stored = jdbc.query("select disabled from notification_preferences where account_id = ? "
                        + "and mode = ?", (row, n) -> (String[]) row.getArray(1).getArray(), caller.accountId(),
                caller.mode().name());
        Set<NotificationType> disabled = stored.stream().flatMap(Arrays::stream).map(NotificationType::valueOf)
                .collect(Collectors.toSet());
        return NotificationPreferencesView.withDisabled(disabled);
    }

    /**
     * Server-Sent Events: each new notification of the caller as an event {@code notification} whose {@code id} is
     * its sequence and whose data is the notification (as listed here), and a comment every 15 s. With
     * {@code Last-Event-ID} the stream first sends what came after that id, then goes on live. At most 5 streams
     * per key and 50 per account at once (429 beyond).
     */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Errors({ErrorCode.RATE_LIMITED, ErrorCode.VALIDATION_ERROR})
    SseEmitter stream(Caller caller, @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                      HttpServletRequest request, HttpServletResponse response) {
        Long after = lastEventId == null || lastEventId.isBlank() ? null : sequence(lastEventId);
        NotificationStreams.Opened opened = streams.open(caller.keyId(), caller.accountId(), caller.mode(), after,
                request);
        if (opened.emitter() == null) {
            response.setHeader("Retry-After", "15");
            throw new DomainException(ErrorCode.RATE_LIMITED, switch (opened.claim()) {
                case ACCOUNT_FULL -> "This account's keys have every stream they may hold open (see "
                        + "crowdledger.notifications.streams-per-account); close one first";
                case NODE_FULL -> "This server holds every stream it may (crowdledger.notifications.streams-per-node);"
                        + " retry later";
                default -> "This key has every stream it may hold open (see crowdledger.notifications.streams-per-key);"
                        + " close one first";
            });
        }
        // the stream writes its bytes itself (without blocking), so the response's type is set here
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return opened.emitter();
    }

    private static long sequence(String lastEventId) {
        String digits = lastEventId.strip();
        if (!digits.matches("[0-9]{1,18}")) {
            throw DomainException.invalid(LAST_EVENT_ID, "must be the id of an event this stream sent");
        }
        return Long.parseLong(digits);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
