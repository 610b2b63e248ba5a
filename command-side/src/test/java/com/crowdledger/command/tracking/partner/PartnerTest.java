package com.crowdledger.command.tracking.partner;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.command.tracking.partner.ChangePartnerCommand.PostbackUrlChange;
import com.crowdledger.events.partner.PartnerChangedEvent;
import com.crowdledger.events.partner.PartnerCreatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.tracking.PartnerStatus;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerTest {
    private static final Instant CREATED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = CREATED_AT.plusSeconds(3600);
    private static final String PARTNER_ID = "prt_bob";
    private static final String ACCOUNT_ID = "acct_brand";
    private static final Tenant TEST = new Tenant(ACCOUNT_ID, EnumSet.of(Mode.TEST));

    private final FakePartnerLookup lookup = new FakePartnerLookup();
    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(lookup);
    }

    @Test
    void canAddPartnerWithAPostbackUrl() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(new CreatePartnerCommand(PARTNER_ID, TEST, Mode.TEST, " Bob's blog ", "bob", " bob@example.com ",
                        "sec_1", "bob.example"))
                .expectEvents(created());
    }

    @Test
    void canAddPartnerWithoutEmailOrPostbackUrl() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(new CreatePartnerCommand(PARTNER_ID, TEST, Mode.TEST, "Bob's blog", "bob", "", null, null))
                .expectEvents(new PartnerCreatedEvent(PARTNER_ID, ACCOUNT_ID, Mode.TEST, "Bob's blog", "bob", null,
                        PartnerStatus.ACTIVE, null, null, CREATED_AT));
    }

    @Test
    void cannotAddPartnerWithATakenSlug() {
        lookup.taken.add("bob");
        fixture.givenCurrentTime(CREATED_AT)
                .when(new CreatePartnerCommand(PARTNER_ID, TEST, Mode.TEST, "Bob", "bob", null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void cannotAddPartnerWithABlankName() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(new CreatePartnerCommand(PARTNER_ID, TEST, Mode.TEST, "  ", "bob", null, null, null))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void canPausePartnerAndReplaceItsPostbackUrl() {
        givenPartner()
                .when(new ChangePartnerCommand(PARTNER_ID, TEST, null, null, PartnerStatus.PAUSED,
                        new PostbackUrlChange("sec_2", "new.example")))
                .expectEvents(new PartnerChangedEvent(PARTNER_ID, ACCOUNT_ID, Mode.TEST, "Bob's blog",
                        "bob@example.com", PartnerStatus.PAUSED, "sec_2", "new.example", NOW));
    }

    @Test
    void canRemoveEmailAndPostbackUrl() {
        givenPartner()
                .when(new ChangePartnerCommand(PARTNER_ID, TEST, null, "", null, PostbackUrlChange.REMOVE))
                .expectEvents(new PartnerChangedEvent(PARTNER_ID, ACCOUNT_ID, Mode.TEST, "Bob's blog", null,
                        PartnerStatus.ACTIVE, null, null, NOW));
    }

    @Test
    void changeWithNothingNewRecordsNothing() {
        givenPartner()
                .when(new ChangePartnerCommand(PARTNER_ID, TEST, "Bob's blog", null, PartnerStatus.ACTIVE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeAnotherAccountsOrModesPartner() {
        givenPartner()
                .when(new ChangePartnerCommand(PARTNER_ID, new Tenant(ACCOUNT_ID, EnumSet.of(Mode.LIVE)), "Mine",
                        null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
        givenPartner()
                .when(new ChangePartnerCommand(PARTNER_ID, new Tenant("acct_other", EnumSet.of(Mode.TEST)), "Mine",
                        null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    private TestExecutor<Partner> givenPartner() {
        return fixture.given(created()).andGivenCurrentTime(NOW);
    }

    private static PartnerCreatedEvent created() {
        return new PartnerCreatedEvent(PARTNER_ID, ACCOUNT_ID, Mode.TEST, "Bob's blog", "bob", "bob@example.com",
                PartnerStatus.ACTIVE, "sec_1", "bob.example", CREATED_AT);
    }

    static final class FakePartnerLookup extends PartnerLookup {
        final Set<String> taken = new HashSet<>();

        FakePartnerLookup() {
            super(null, null);
        }

        @Override
        boolean slugTaken(String accountId, Mode mode, String slug) {
            return taken.contains(slug);
        }
    }
}
