package com.crowdledger.command.account;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.events.account.AccountEmailVerifiedEvent;
import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.events.account.AccountVerificationRenewedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final Instant REGISTERED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant EXPIRES_AT = REGISTERED_AT.plus(Duration.ofHours(48));
    private static final String ACCOUNT_ID = "acct_0123456789abcdef";
    private static final String EMAIL = "studio@example.com";
    private static final String NAME = "Acme Games";
    private static final String SLUG = "acme-games";
    private static final String PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";
    private static final String TOKEN_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER_TOKEN_HASH = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private final FakeAccountLookup lookup = new FakeAccountLookup();
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(lookup);
    }

    // --- register -----------------------------------------------------------------------------------------

    @Test
    void canRegisterAccountInLiveMode() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .when(register(Role.OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(Role.OWNER));
    }

    @Test
    void testerAccountIsAlsoRegisteredInLiveMode() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .when(register(Role.TESTER))
                .expectEvents(registered(Role.TESTER));
    }

    @Test
    void cannotRegisterTakenEmail() {
        lookup.emails.add(EMAIL);
        fixture.givenCurrentTime(REGISTERED_AT)
                .when(register(Role.OWNER))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("An account with this email already exists");
    }

    @Test
    void cannotRegisterTakenSlug() {
        lookup.slugs.add(SLUG);
        fixture.givenCurrentTime(REGISTERED_AT)
                .when(register(Role.OWNER))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("An account with this slug already exists");
    }

    // --- verify e-mail ------------------------------------------------------------------------------------

    @Test
    void canVerifyEmailWithMailedToken() {
        Instant now = REGISTERED_AT.plus(Duration.ofHours(1));
        givenRegisteredAccount()
                .andGivenCurrentTime(now)
                .when(new VerifyEmailCommand(ACCOUNT_ID, TOKEN_HASH))
                .expectEvents(new AccountEmailVerifiedEvent(ACCOUNT_ID, Mode.LIVE, now));
    }

    @Test
    void canVerifyEmailJustBeforeTokenExpires() {
        Instant now = EXPIRES_AT.minusMillis(1);
        givenRegisteredAccount()
                .andGivenCurrentTime(now)
                .when(new VerifyEmailCommand(ACCOUNT_ID, TOKEN_HASH))
                .expectEvents(new AccountEmailVerifiedEvent(ACCOUNT_ID, Mode.LIVE, now));
    }

    @Test
    void cannotVerifyEmailWithWrongToken() {
        givenRegisteredAccount()
                .andGivenCurrentTime(REGISTERED_AT.plus(Duration.ofHours(1)))
                .when(new VerifyEmailCommand(ACCOUNT_ID, OTHER_TOKEN_HASH))
                .expectNoEvents()
                .expectException(invalidField("token"));
    }

    @Test
    void cannotVerifyEmailWithExpiredToken() {
        givenRegisteredAccount()
                .andGivenCurrentTime(EXPIRES_AT.plus(Duration.ofMinutes(1)))
                .when(new VerifyEmailCommand(ACCOUNT_ID, TOKEN_HASH))
                .expectNoEvents()
                .expectException(invalidField("token"));
    }

    @Test
    void cannotVerifyEmailWhenTokenExpiresThatVeryInstant() {
        givenRegisteredAccount()
                .andGivenCurrentTime(EXPIRES_AT)
                .when(new VerifyEmailCommand(ACCOUNT_ID, TOKEN_HASH))
                .expectNoEvents()
                .expectException(invalidField("token"));
    }

    @Test
    void cannotVerifyEmailTwice() {
        givenRegisteredAccount()
                .andGiven(new AccountEmailVerifiedEvent(ACCOUNT_ID, Mode.LIVE, REGISTERED_AT.plusSeconds(60)))
                .andGivenCurrentTime(REGISTERED_AT.plus(Duration.ofHours(1)))
                .when(new VerifyEmailCommand(ACCOUNT_ID, TOKEN_HASH))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    // --- renew the token, lapse ---------------------------------------------------------------------------

    @Test
    void canRenewTheVerificationTokenOfAnUnverifiedAccount() {
        Instant now = REGISTERED_AT.plus(Duration.ofHours(1));
        Instant newExpiry = now.plus(Duration.ofHours(48));
        givenRegisteredAccount()
                .andGivenCurrentTime(now)
                .when(new RenewVerificationCommand(ACCOUNT_ID, OTHER_TOKEN_HASH, newExpiry))
                .expectResultMessagePayload(true)
                .expectEvents(new AccountVerificationRenewedEvent(ACCOUNT_ID, Mode.LIVE, OTHER_TOKEN_HASH, newExpiry,
                        now));
    }

    @Test
    void renewedTokenVerifiesAndTheOldOneNoLonger() {
        Instant now = REGISTERED_AT.plus(Duration.ofHours(1));
        givenRegisteredAccount()
                .andGiven(new AccountVerificationRenewedEvent(ACCOUNT_ID, Mode.LIVE, OTHER_TOKEN_HASH,
                        now.plus(Duration.ofHours(48)), now))
                .andGivenCurrentTime(now.plusSeconds(5))
                .when(new VerifyEmailCommand(ACCOUNT_ID, TOKEN_HASH))
                .expectNoEvents()
                .expectException(invalidField("token"));
    }

    @Test
    void renewalWithinAMinuteOfTheLastMailSendsNothing() {
        givenRegisteredAccount()
                .andGivenCurrentTime(REGISTERED_AT.plusSeconds(30))
                .when(new RenewVerificationCommand(ACCOUNT_ID, OTHER_TOKEN_HASH, EXPIRES_AT))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void verifiedAccountNeedsNoRenewal() {
        givenRegisteredAccount()
                .andGiven(new AccountEmailVerifiedEvent(ACCOUNT_ID, Mode.LIVE, REGISTERED_AT.plusSeconds(60)))
                .andGivenCurrentTime(REGISTERED_AT.plus(Duration.ofHours(1)))
                .when(new RenewVerificationCommand(ACCOUNT_ID, OTHER_TOKEN_HASH, EXPIRES_AT))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void unverifiedRegistrationLapsesOnceItsTokenExpired() {
        givenRegisteredAccount()
                .andGivenCurrentTime(EXPIRES_AT)
                .when(new LapseRegistrationCommand(ACCOUNT_ID))
                .expectEvents(new AccountRegistrationLapsedEvent(ACCOUNT_ID, Mode.LIVE, EMAIL, EXPIRES_AT))
                .expectMarkedDeleted();
    }

    @Test
    void renewingTheTokenDoesNotExtendTheRegistrationsHoldOnTheAddress() {
        Instant renewedAt = EXPIRES_AT.minus(Duration.ofHours(1));
        givenRegisteredAccount()
                .andGiven(new AccountVerificationRenewedEvent(ACCOUNT_ID, Mode.LIVE, OTHER_TOKEN_HASH,
                        renewedAt.plus(Duration.ofHours(48)), renewedAt))
                .andGivenCurrentTime(EXPIRES_AT)
                .when(new LapseRegistrationCommand(ACCOUNT_ID))
                .expectEvents(new AccountRegistrationLapsedEvent(ACCOUNT_ID, Mode.LIVE, EMAIL, EXPIRES_AT));
    }

    @Test
    void tokenIsRenewedFiveTimesAtMost() {
        TestExecutor<Account> account = givenRegisteredAccount();
        Instant at = REGISTERED_AT;
        for (int i = 0; i < Account.MAX_RENEWALS; i++) {
            at = at.plus(Duration.ofMinutes(2));
            account = account.andGiven(new AccountVerificationRenewedEvent(ACCOUNT_ID, Mode.LIVE, OTHER_TOKEN_HASH,
                    at.plus(Duration.ofHours(48)), at));
        }
        account.andGivenCurrentTime(at.plus(Duration.ofHours(1)))
                .when(new RenewVerificationCommand(ACCOUNT_ID, TOKEN_HASH, at.plus(Duration.ofHours(49))))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void registrationDoesNotLapseWhileItsTokenIsValid() {
        givenRegisteredAccount()
                .andGivenCurrentTime(EXPIRES_AT.minusMillis(1))
                .when(new LapseRegistrationCommand(ACCOUNT_ID))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void verifiedAccountNeverLapses() {
        givenRegisteredAccount()
                .andGiven(new AccountEmailVerifiedEvent(ACCOUNT_ID, Mode.LIVE, REGISTERED_AT.plusSeconds(60)))
                .andGivenCurrentTime(EXPIRES_AT.plus(Duration.ofDays(30)))
                .when(new LapseRegistrationCommand(ACCOUNT_ID))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private TestExecutor<Account> givenRegisteredAccount() {
        return fixture.given(registered(Role.OWNER));
    }

    private static RegisterAccountCommand register(Role role) {
        return new RegisterAccountCommand(ACCOUNT_ID, EMAIL, NAME, role, SLUG, PASSWORD_HASH, TOKEN_HASH, EXPIRES_AT);
    }

    private static AccountRegisteredEvent registered(Role role) {
        return new AccountRegisteredEvent(ACCOUNT_ID, Mode.LIVE, EMAIL, NAME, role, SLUG, PASSWORD_HASH, TOKEN_HASH,
                EXPIRES_AT, REGISTERED_AT);
    }

    /** The set-based facts, in memory: tests say which e-mails and slugs are already taken. */
    static final class FakeAccountLookup implements AccountLookup {
        final Set<String> emails = new HashSet<>();
        final Set<String> slugs = new HashSet<>();

        @Override
        public Optional<EmailHolder> emailHolder(String email) {
            return emails.contains(email) ? Optional.of(new EmailHolder("acct_holder", true, null)) : Optional.empty();
        }

        @Override
        public boolean slugTaken(String slug) {
            return slugs.contains(slug);
        }

        @Override
        public Optional<String> accountIdForVerificationToken(String tokenHash) {
            return Optional.empty();
        }
    }
}
