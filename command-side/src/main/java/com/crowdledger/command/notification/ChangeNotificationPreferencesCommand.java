package com.crowdledger.command.notification;

import com.crowdledger.events.notification.NotificationType;
import com.crowdledger.shared.Mode;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns the named types on ({@code true}) or off for an account in one mode; types left out stay as they are. */
public record ChangeNotificationPreferencesCommand(
        @TargetAggregateIdentifier String preferencesId,
        String accountId,
        Mode mode,
        Map<NotificationType, Boolean> changes) {
}
