package com.crowdledger.command.tester;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.tester.TesterProfileChangedEvent;
import com.crowdledger.events.tester.TesterProfileCreatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tester account's profile in one mode: the platforms and devices it tests on, and its country. Owners find
 * testers by it, and testers find open campaigns on their platforms.
 */
@Aggregate
class TesterProfile {
    static final int MAX_DEVICES = 20;
    static final int MAX_DEVICE_LENGTH = 100;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @AggregateIdentifier
    private String testerId;
    private String accountId;
    private Mode mode;
    private Set<Platform> platforms = EnumSet.noneOf(Platform.class);
    private List<String> devices = List.of();
    private String country;

    TesterProfile() {
        // for Axon
    }

    @CommandHandler
    TesterProfile(CreateTesterProfileCommand command) {
        Mode testerMode = command.tester().singleMode();
        if (testerMode == null) {
            throw new IllegalStateException("A tester profile is made with a key, which has one mode");
        }
        apply(new TesterProfileCreatedEvent(command.testerId(), command.tester().accountId(), testerMode, now()));
    }

    @CommandHandler
    void handle(ChangeTesterProfileCommand command) {
        if (!command.tester().owns(accountId, mode)) {
            throw DomainException.notFound("Tester profile");
        }
        Set<Platform> newPlatforms = command.platforms() == null ? platforms : EnumSet.copyOf(
                command.platforms().isEmpty() ? EnumSet.noneOf(Platform.class) : command.platforms());
        List<String> newDevices = command.devices() == null ? devices : validDevices(command.devices());
        String newCountry = command.country() == null ? country : validCountry(command.country());
        if (newPlatforms.equals(platforms) && newDevices.equals(devices) && Objects.equals(newCountry, country)) {
            return; // nothing changes, nothing to record
        }
        apply(new TesterProfileChangedEvent(testerId, accountId, mode, newPlatforms, newDevices, newCountry, now()));
    }

    @EventSourcingHandler
    void on(TesterProfileCreatedEvent event) {
        testerId = event.testerId();
        accountId = event.accountId();
        mode = event.mode();
    }

    @EventSourcingHandler
    void on(TesterProfileChangedEvent event) {
        platforms = event.platforms().isEmpty() ? EnumSet.noneOf(Platform.class) : EnumSet.copyOf(event.platforms());
        devices = List.copyOf(event.devices());
        country = event.country();
    }

    /** Devices as named, stripped, each once, in the order given. */
    private static List<String> validDevices(List<String> devices) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String device : devices) {
            if (device == null || device.isBlank() || device.strip().length() > MAX_DEVICE_LENGTH) {
                throw DomainException.invalid("devices", "each device is 1 to " + MAX_DEVICE_LENGTH + " characters");
            }
            distinct.add(device.strip());
        }
        if (distinct.size() > MAX_DEVICES) {
            throw DomainException.invalid("devices", "at most " + MAX_DEVICES + " devices");
        }
        return List.copyOf(distinct);
    }

    /** An ISO 3166-1 alpha-2 code (any case); blank clears the country. */
    private static String validCountry(String country) {
        if (country.isBlank()) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw DomainException.invalid("country", "must be an ISO 3166-1 alpha-2 country code, like DE or US");
        }
        return code;
    }

    /** Microseconds, as PostgreSQL keeps them: a read model's day or keyset is the event's own. */
    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
