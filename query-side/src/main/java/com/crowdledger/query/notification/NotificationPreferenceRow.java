package com.crowdledger.query.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The types an account turned off in a mode, as the projection last saw them (written by SQL). */
@Entity
@Immutable
@Table(name = "notification_preferences")
public class NotificationPreferenceRow {
    @EmbeddedId
    private Key key;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] disabled;

    protected NotificationPreferenceRow() {
    }

    String[] disabled() {
        return disabled;
    }

    @Embeddable
    public record Key(@Column(name = "account_id") String accountId, String mode) implements Serializable {
    }
}
