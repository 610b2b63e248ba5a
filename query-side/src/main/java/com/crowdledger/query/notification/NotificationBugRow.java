package com.crowdledger.query.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A bug's tester and title, which its acceptance and rejection events do not carry (written by SQL). */
@Entity
@Immutable
@Table(name = "notification_bugs")
public class NotificationBugRow {
    @Id
    @Column(name = "bug_id")
    private String bugId;
    @Column(name = "tester_account_id")
    private String testerAccountId;
    private String title;

    protected NotificationBugRow() {
    }
}
