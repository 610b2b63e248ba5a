package com.crowdledger.command.notification;

import com.crowdledger.events.notification.NotificationType;
import com.crowdledger.queries.notification.NotificationPreferencesView;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An account turns notification types on or off, in its key's mode; a type off creates no notification from then on. */
@RestController
@Authenticated(scope = Scope.NOTIFICATIONS)
class NotificationPreferencesController {
    private final CommandGateway commands;

    NotificationPreferencesController(CommandGateway commands) {
        this.commands = commands;
    }

    /** The types to change; the others stay as they are. */
    record ChangePreferences(@NotNull List<@Valid @NotNull TypeChange> types) {
    }

    record TypeChange(@NotNull NotificationType type, @NotNull Boolean enabled) {
    }

    /** Answers every type with its state after the change (the state {@code GET} shows within moments). */
    @PatchMapping("/v1/notifications/preferences")
    NotificationPreferencesView change(Caller caller, @Valid @RequestBody ChangePreferences request) {
        Map<NotificationType, Boolean> changes = new EnumMap<>(NotificationType.class);
        for (TypeChange change : request.types()) {
            if (changes.put(change.type(), change.enabled()) != null) {
                throw DomainException.invalid("types", "names " + change.type().wireName() + " twice");
            }
        }
        Set<NotificationType> disabled = commands.sendAndWait(new ChangeNotificationPreferencesCommand(
                NotificationPreferences.idOf(caller.accountId(), caller.mode()), caller.accountId(), caller.mode(),
                changes));
        return NotificationPreferencesView.withDisabled(disabled);
    }
}
