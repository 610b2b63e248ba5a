package com.crowdledger.events.notification;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;
import java.util.Set;

/**
 * An account turned notification types on or off in one mode: {@code disabled} is the whole set of types it gets no
 * notification of from now on (every other type is on). An event, so that the notifications projection, replayed in
 * order, decides each event by the preferences in force when it happened.
 */
public record NotificationPreferencesChangedEvent(
        String accountId,
        Mode mode,
        Set<NotificationType> disabled,
        Instant changedAt) implements TenantEvent {
}
