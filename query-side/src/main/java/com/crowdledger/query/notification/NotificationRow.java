package com.crowdledger.query.notification;

import com.crowdledger.events.notification.NotificationType;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A notification of its recipient ({@code accountId}) in a mode; written by SQL (projection, read marks). */
@Entity
@Table(name = "notifications")
public class NotificationRow {
    @Id
    private long sequence;
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Enumerated(EnumType.STRING)
    private NotificationType type;
    private String title;
    @JdbcTypeCode(SqlTypes.JSON)
    private String data;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected NotificationRow() {
    }

    /** A row as the stream reads it with SQL (sequence, id, type, title, data, event_id, created_at, read_at). */
    static NotificationRow read(ResultSet row) throws SQLException {
        NotificationRow read = new NotificationRow();
        read.sequence = row.getLong(1);
        read.id = row.getString(2);
        read.type = NotificationType.valueOf(row.getString(3));
        read.title = row.getString(4);
        read.data = row.getString(5);
        read.eventId = row.getString(6);
        read.createdAt = row.getTimestamp(7).toInstant();
        Timestamp readAt = row.getTimestamp(8);
        read.readAt = readAt == null ? null : readAt.toInstant();
        return read;
    }

    long sequence() {
        return sequence;
    }

    NotificationView view(NotificationData json) {
        return new NotificationView(id, type, title, json.read(data), eventId, sequence, createdAt, readAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
