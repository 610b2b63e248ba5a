package com.crowdledger.command.tracking.offer;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.events.offer.OfferChangedEvent;
import com.crowdledger.events.offer.OfferCreatedEvent;
import com.crowdledger.events.offer.OfferSecretRotatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.tracking.OfferStatus;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OfferTest {
    private static final Instant CREATED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = CREATED_AT.plus(Duration.ofDays(2));
    private static final String OFFER_ID = "off_summer";
    private static final String ACCOUNT_ID = "acct_brand";
    private static final Tenant LIVE = new Tenant(ACCOUNT_ID, EnumSet.of(Mode.LIVE));
    private static final String DESTINATION = "https://shop.example/landing?utm=aff#top";
    private static final String SECRET_HASH = OfferSecrets.hash("first-secret");

    private final FakeOfferLookup lookup = new FakeOfferLookup();
    private FixtureConfiguration<Offer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Offer.class);
        fixture.registerInjectableResource(lookup);
    }

    // --- create -------------------------------------------------------------------------------------------

    @Test
    void canCreateOffer() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40", "5.5", "USD", 30, 30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void canCreateOfferInACurrencyWithoutDecimals() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "4000", "500", "JPY", 0, 1))
                .expectEvents(new OfferCreatedEvent(OFFER_ID, ACCOUNT_ID, Mode.LIVE, "Summer sale", "summer",
                        DESTINATION, Money.of("4000", "JPY"), Money.of("500", "JPY"), 0, 1, OfferStatus.ACTIVE,
                        SECRET_HASH, CREATED_AT));
    }

    @Test
    void cannotCreateOfferWithATakenSlug() {
        lookup.taken.add("summer");
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40", "5", "USD", 30, 30))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void cannotCreateOfferOfTheOtherMode() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(new CreateOfferCommand(OFFER_ID, LIVE, Mode.TEST, "Summer sale", "summer", DESTINATION,
                        new BigDecimal("40"), new BigDecimal("5"), "USD", 30, 30, SECRET_HASH))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.FORBIDDEN));
    }

    @Test
    void cannotCreateOfferWithABadSlug() {
        for (String slug : new String[] {"Summer", "summer sale", "-summer", "summer--sale", "", "a".repeat(65),
                "sommer/../x"}) {
            fixture.givenCurrentTime(CREATED_AT)
                    .when(create(slug, DESTINATION, "40", "5", "USD", 30, 30))
                    .expectNoEvents()
                    .expectException(invalidField("slug"));
        }
    }

    @Test
    void cannotCreateOfferWithADestinationOtherThanAnHttpUrlWithAHost() {
        for (String destination : new String[] {"javascript:alert(1)", "/relative", "https://user:pw@shop.example/",
                "ftp://shop.example/", "https:///nohost", "https://shop.example/a b", "https://shöp.example/",
                "data:text/html,hi", "https://shop.example/" + "a".repeat(Destinations.MAX_LENGTH)}) {
            fixture.givenCurrentTime(CREATED_AT)
                    .when(create("summer", destination, "40", "5", "USD", 30, 30))
                    .expectNoEvents()
                    .expectException(invalidField("destinationUrl"));
        }
    }

    @Test
    void cannotCreateOfferWithAmountsItsCurrencyCannotHoldExactly() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40.001", "5", "USD", 30, 30))
                .expectException(invalidField("defaultRevenue"));
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40", "-5", "USD", 30, 30))
                .expectException(invalidField("defaultPayout"));
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "1e-999999999", "5", "USD", 30, 30))
                .expectException(invalidField("defaultRevenue"));
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40", "5", "usd", 30, 30))
                .expectException(invalidField("currency"));
    }

    @Test
    void cannotCreateOfferWithHoldOrWindowOutOfRange() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40", "5", "USD", -1, 30))
                .expectException(invalidField("holdDays"));
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40", "5", "USD", 30, 0))
                .expectException(invalidField("attributionWindowDays"));
        fixture.givenCurrentTime(CREATED_AT)
                .when(create("summer", DESTINATION, "40", "5", "USD", 366, 30))
                .expectException(invalidField("holdDays"));
    }

    // --- change -------------------------------------------------------------------------------------------

    @Test
    void canPauseOfferAndChangeItsPayout() {
        givenOffer()
                .when(new ChangeOfferCommand(OFFER_ID, LIVE, null, null, null, new BigDecimal("6.25"), null, null,
                        OfferStatus.PAUSED))
                .expectEvents(new OfferChangedEvent(OFFER_ID, ACCOUNT_ID, Mode.LIVE, "Summer sale", DESTINATION,
                        Money.of("40", "USD"), Money.of("6.25", "USD"), 30, 30, OfferStatus.PAUSED, NOW));
    }

    @Test
    void changeToTheSameTermsRecordsNothing() {
        givenOffer()
                .when(new ChangeOfferCommand(OFFER_ID, LIVE, "Summer sale", DESTINATION, new BigDecimal("40.00"),
                        null, 30, null, OfferStatus.ACTIVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changedAmountsStayInTheOffersCurrency() {
        givenOffer()
                .when(new ChangeOfferCommand(OFFER_ID, LIVE, null, null, new BigDecimal("1.999"), null, null, null,
                        null))
                .expectNoEvents()
                .expectException(invalidField("defaultRevenue"));
    }

    @Test
    void cannotChangeAnotherAccountsOffer() {
        givenOffer()
                .when(new ChangeOfferCommand(OFFER_ID, new Tenant("acct_other", EnumSet.of(Mode.LIVE)), "Mine", null,
                        null, null, null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void cannotChangeOfferOfTheOtherMode() {
        givenOffer()
                .when(new ChangeOfferCommand(OFFER_ID, new Tenant(ACCOUNT_ID, EnumSet.of(Mode.TEST)), "Mine", null,
                        null, null, null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // --- rotate the postback secret ----------------------------------------------------------------------

    @Test
    void rotatedSecretKeepsThePreviousOneFor24Hours() {
        String newHash = OfferSecrets.hash("second-secret");
        givenOffer()
                .when(new RotateOfferSecretCommand(OFFER_ID, LIVE, newHash))
                .expectEvents(new OfferSecretRotatedEvent(OFFER_ID, ACCOUNT_ID, Mode.LIVE, newHash, SECRET_HASH,
                        NOW.plus(Duration.ofHours(24)), NOW));
    }

    @Test
    void secondRotationReplacesThePreviousSecretAgain() {
        String second = OfferSecrets.hash("second-secret");
        String third = OfferSecrets.hash("third-secret");
        givenOffer()
                .andGiven(new OfferSecretRotatedEvent(OFFER_ID, ACCOUNT_ID, Mode.LIVE, second, SECRET_HASH,
                        CREATED_AT.plus(Duration.ofDays(1)), CREATED_AT))
                .when(new RotateOfferSecretCommand(OFFER_ID, LIVE, third))
                .expectEvents(new OfferSecretRotatedEvent(OFFER_ID, ACCOUNT_ID, Mode.LIVE, third, second,
                        NOW.plus(Duration.ofHours(24)), NOW));
    }

    @Test
    void cannotRotateAnotherAccountsSecret() {
        givenOffer()
                .when(new RotateOfferSecretCommand(OFFER_ID, new Tenant("acct_other", EnumSet.of(Mode.LIVE)),
                        OfferSecrets.hash("mine")))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private TestExecutor<Offer> givenOffer() {
        return fixture.given(created()).andGivenCurrentTime(NOW);
    }

    private static CreateOfferCommand create(String slug, String destination, String revenue, String payout,
                                             String currency, int holdDays, int windowDays) {
        return new CreateOfferCommand(OFFER_ID, LIVE, Mode.LIVE, "  Summer sale ", slug, destination,
                new BigDecimal(revenue), new BigDecimal(payout), currency, holdDays, windowDays, SECRET_HASH);
    }

    private static OfferCreatedEvent created() {
        return new OfferCreatedEvent(OFFER_ID, ACCOUNT_ID, Mode.LIVE, "Summer sale", "summer", DESTINATION,
                Money.of("40", "USD"), Money.of("5.50", "USD"), 30, 30, OfferStatus.ACTIVE, SECRET_HASH, CREATED_AT);
    }

    /** The slugs already taken, in memory. */
    static final class FakeOfferLookup extends OfferLookup {
        final Set<String> taken = new HashSet<>();

        FakeOfferLookup() {
            super(null, null);
        }

        @Override
        boolean slugTaken(String accountId, Mode mode, String slug) {
            return taken.contains(slug);
        }
    }
}
