package com.crowdledger.queries.notification;

import com.crowdledger.events.notification.NotificationType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Every notification type, and whether the account gets it in the key's mode. */
public record NotificationPreferencesView(List<TypePreference> types) {

    public record TypePreference(NotificationType type, boolean enabled) {
    }

    public static NotificationPreferencesView withDisabled(Set<NotificationType> disabled) {
        return new NotificationPreferencesView(Arrays.stream(NotificationType.values())
                .map(type -> new TypePreference(type, !disabled.contains(type))).toList());
    }
}
