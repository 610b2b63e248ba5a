package com.crowdledger.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.notification.NotificationPreferencesChangedEvent;
import com.crowdledger.events.notification.NotificationType;
import com.crowdledger.shared.Mode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Which notification types an account turned off in one mode (every type is on until then). An aggregate, so each
 * change is an event in the one ordered stream the notifications projection follows: live or replayed, an event is
 * judged by the preferences in force when it happened, and a rebuild cannot resurrect a notification that was off.
 */
@Aggregate
class NotificationPreferences {
    @AggregateIdentifier
    private String preferencesId;
    private final Set<NotificationType> disabled = EnumSet.noneOf(NotificationType.class);

    NotificationPreferences() {
        // for Axon, and for "create if missing"
    }

    static String idOf(String accountId, Mode mode) {
        return "notification-preferences:" + accountId + ":" + mode.name();
    }

    /** @return the types now off */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Set<NotificationType> handle(ChangeNotificationPreferencesCommand command) {
        preferencesId = command.preferencesId();
        SortedSet<NotificationType> next = new TreeSet<>(disabled);
        command.changes().forEach((type, enabled) -> {
            if (enabled) {
                next.remove(type);
            } else {
                next.add(type);
            }
        });
        if (!next.equals(new TreeSet<>(disabled))) {
            apply(new NotificationPreferencesChangedEvent(command.accountId(), command.mode(), next,
                    Instant.now().truncatedTo(ChronoUnit.MICROS)));
        }
        return Set.copyOf(next);
    }

    @EventSourcingHandler
    void on(NotificationPreferencesChangedEvent event) {
        preferencesId = idOf(event.accountId(), event.mode());
        disabled.clear();
        disabled.addAll(event.disabled());
    }
}
