package com.crowdledger.command.tester;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.events.tester.TesterProfileChangedEvent;
import com.crowdledger.events.tester.TesterProfileCreatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TesterProfileTest {
    private static final Instant CREATED_AT = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
    private static final String TESTER_ID = "tstr_ann";
    private static final String ACCOUNT_ID = "acct_ann";
    private static final Tenant TESTER = new Tenant(ACCOUNT_ID, EnumSet.of(Mode.TEST));

    private FixtureConfiguration<TesterProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TesterProfile.class);
    }

    @Test
    void testerGetsAProfileInTheModeOfItsKey() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateTesterProfileCommand(TESTER_ID, TESTER))
                .expectEvents(new TesterProfileCreatedEvent(TESTER_ID, ACCOUNT_ID, Mode.TEST, NOW));
    }

    @Test
    void testerSetsPlatformsDevicesAndCountry() {
        givenProfile().andGivenCurrentTime(NOW)
                .when(new ChangeTesterProfileCommand(TESTER_ID, TESTER, Set.of(Platform.IOS, Platform.WEB),
                        List.of(" iPhone 15 ", "Pixel 8", "iPhone 15"), "de"))
                .expectEvents(new TesterProfileChangedEvent(TESTER_ID, ACCOUNT_ID, Mode.TEST,
                        EnumSet.of(Platform.IOS, Platform.WEB), List.of("iPhone 15", "Pixel 8"), "DE", NOW));
    }

    @Test
    void fieldsLeftOutStayAndEmptyOnesClear() {
        givenProfile().andGiven(new TesterProfileChangedEvent(TESTER_ID, ACCOUNT_ID, Mode.TEST,
                        EnumSet.of(Platform.IOS), List.of("iPhone 15"), "DE", CREATED_AT))
                .andGivenCurrentTime(NOW)
                .when(new ChangeTesterProfileCommand(TESTER_ID, TESTER, Set.of(), null, ""))
                .expectEvents(new TesterProfileChangedEvent(TESTER_ID, ACCOUNT_ID, Mode.TEST,
                        EnumSet.noneOf(Platform.class), List.of("iPhone 15"), null, NOW));
    }

    @Test
    void changingNothingRecordsNothing() {
        givenProfile().andGiven(new TesterProfileChangedEvent(TESTER_ID, ACCOUNT_ID, Mode.TEST,
                        EnumSet.of(Platform.IOS), List.of("iPhone 15"), "DE", CREATED_AT))
                .when(new ChangeTesterProfileCommand(TESTER_ID, TESTER, Set.of(Platform.IOS), List.of("iPhone 15"),
                        "DE"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void countryIsAnIsoCode() {
        givenProfile()
                .when(new ChangeTesterProfileCommand(TESTER_ID, TESTER, null, null, "XX"))
                .expectNoEvents()
                .expectException(invalidField("country"));
    }

    @Test
    void deviceNamesHaveAMaximum() {
        givenProfile()
                .when(new ChangeTesterProfileCommand(TESTER_ID, TESTER, null,
                        List.of("d".repeat(TesterProfile.MAX_DEVICE_LENGTH + 1)), null))
                .expectException(invalidField("devices"));
    }

    @Test
    void blankDeviceIsRefused() {
        givenProfile()
                .when(new ChangeTesterProfileCommand(TESTER_ID, TESTER, null, List.of(" "), null))
                .expectException(invalidField("devices"));
    }

    @Test
    void atMostTwentyDevices() {
        List<String> devices = new java.util.ArrayList<>();
        for (int i = 0; i <= TesterProfile.MAX_DEVICES; i++) {
            devices.add("Device " + i);
        }
        givenProfile()
                .when(new ChangeTesterProfileCommand(TESTER_ID, TESTER, null, Collections.unmodifiableList(devices),
                        null))
                .expectException(invalidField("devices"));
    }

    @Test
    void anotherAccountCannotChangeTheProfile() {
        givenProfile()
                .when(new ChangeTesterProfileCommand(TESTER_ID, new Tenant("acct_bob", EnumSet.of(Mode.TEST)),
                        Set.of(Platform.IOS), null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void theOtherModesKeyCannotChangeTheProfile() {
        givenProfile()
                .when(new ChangeTesterProfileCommand(TESTER_ID, new Tenant(ACCOUNT_ID, EnumSet.of(Mode.LIVE)),
                        Set.of(Platform.IOS), null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    private TestExecutor<TesterProfile> givenProfile() {
        return fixture.given(new TesterProfileCreatedEvent(TESTER_ID, ACCOUNT_ID, Mode.TEST, CREATED_AT));
    }
}
