package com.crowdledger.command.apikey;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.events.apikey.ApiKeyChangedEvent;
import com.crowdledger.events.apikey.ApiKeyIssuedEvent;
import com.crowdledger.events.apikey.ApiKeyRevokedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final Instant ISSUED_AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant NOW = ISSUED_AT.plus(Duration.ofDays(3));
    private static final String KEY_ID = "key_0123456789abcdef";
    private static final String ACCOUNT_ID = "acct_owner";
    private static final String OTHER_ACCOUNT_ID = "acct_someone_else";
    private static final String PREFIX = "tpk_live_3f9a0b1c";
    private static final String SECRET_HASH = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";
    private static final Set<Scope> OWNER_SCOPES = Role.OWNER.scopes();
    private static final Set<Scope> KEY_SCOPES = Set.of(Scope.CAMPAIGNS, Scope.KEYS);

    private FixtureConfiguration<ApiKey> fixture;
    /** How many active keys the account holds already; tests set it. */
    private int active;
    private final ActiveKeys activeKeys = (accountId, mode) -> active;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKey.class);
        fixture.registerInjectableResource(activeKeys);
    }

    // --- issue --------------------------------------------------------------------------------------------

    @Test
    void canIssueKeyWithinCallersScopes() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "  CI key  ", KEY_SCOPES, OWNER_SCOPES, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "CI key", KEY_SCOPES, PREFIX,
                        SECRET_HASH, null, NOW));
    }

    @Test
    void canIssueKeyWithAllOfCallersScopes() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.TEST, Mode.TEST, "Everything", OWNER_SCOPES, OWNER_SCOPES, null))
                .expectEvents(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.TEST, "Everything", OWNER_SCOPES,
                        PREFIX, SECRET_HASH, null, NOW));
    }

    @Test
    void dashboardSessionCanIssueKeyOfEitherMode() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.TEST, null, "Staging", KEY_SCOPES, OWNER_SCOPES, null))
                .expectEvents(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.TEST, "Staging", KEY_SCOPES, PREFIX,
                        SECRET_HASH, null, NOW));
    }

    @Test
    void canIssueKeyThatExpiresInTheFuture() {
        Instant expiresAt = NOW.plusSeconds(1);
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "Short-lived", KEY_SCOPES, OWNER_SCOPES, expiresAt))
                .expectEvents(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "Short-lived", KEY_SCOPES,
                        PREFIX, SECRET_HASH, expiresAt, NOW));
    }

    @Test
    void canIssueKeyWithNameOfMaximumLengthAfterStripping() {
        String longest = "n".repeat(ApiKey.MAX_NAME_LENGTH);
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, " " + longest + " ", KEY_SCOPES, OWNER_SCOPES, null))
                .expectEvents(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, longest, KEY_SCOPES, PREFIX,
                        SECRET_HASH, null, NOW));
    }

    @Test
    void cannotIssueKeyOfTheOtherMode() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.TEST, "Live from test", KEY_SCOPES, OWNER_SCOPES, null))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectException(domainError(ErrorCode.FORBIDDEN));
    }

    @Test
    void cannotIssueKeyWithBlankName() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "   ", KEY_SCOPES, OWNER_SCOPES, null))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void cannotIssueKeyWithoutName() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, null, KEY_SCOPES, OWNER_SCOPES, null))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void cannotIssueKeyWithNameLongerThanMaximum() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "n".repeat(ApiKey.MAX_NAME_LENGTH + 1), KEY_SCOPES, OWNER_SCOPES,
                        null))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void cannotIssueKeyWithoutScopes() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "No scopes", Set.of(), OWNER_SCOPES, null))
                .expectNoEvents()
                .expectException(invalidField("scopes"));
    }

    @Test
    void cannotIssueKeyWithScopesBeyondCallersOwn() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "Greedy", Set.of(Scope.KEYS, Scope.BILLING), Set.of(Scope.KEYS),
                        null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.FORBIDDEN));
    }

    @Test
    void cannotIssueKeyThatExpiredInThePast() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "Stale", KEY_SCOPES, OWNER_SCOPES, NOW.minusSeconds(1)))
                .expectNoEvents()
                .expectException(invalidField("expiresAt"));
    }

    @Test
    void cannotIssueKeyThatExpiresRightNow() {
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "Stale", KEY_SCOPES, OWNER_SCOPES, NOW))
                .expectNoEvents()
                .expectException(invalidField("expiresAt"));
    }

    @Test
    void cannotIssueKeyBeyondTheAccountsActiveKeys() {
        active = ApiKey.MAX_ACTIVE_KEYS;
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "One too many", KEY_SCOPES, OWNER_SCOPES, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void canIssueTheLastKeyTheAccountMayHold() {
        active = ApiKey.MAX_ACTIVE_KEYS - 1;
        fixture.givenCurrentTime(NOW)
                .when(issue(Mode.LIVE, Mode.LIVE, "The last", KEY_SCOPES, OWNER_SCOPES, null))
                .expectSuccessfulHandlerExecution();
    }

    // --- change -------------------------------------------------------------------------------------------

    @Test
    void canRenameKey() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, "  Renamed  ", null, OWNER_SCOPES))
                .expectEvents(new ApiKeyChangedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "Renamed", KEY_SCOPES, NOW));
    }

    @Test
    void canChangeScopesWithinCallersOwn() {
        Set<Scope> newScopes = Set.of(Scope.TRACKING, Scope.WEBHOOKS);
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, null, newScopes, OWNER_SCOPES))
                .expectEvents(new ApiKeyChangedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "CI key", newScopes, NOW));
    }

    @Test
    void canRenameKeyAndChangeItsScopesAtOnce() {
        Set<Scope> newScopes = Set.of(Scope.CHAT);
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, "Chat bot", newScopes, OWNER_SCOPES))
                .expectEvents(new ApiKeyChangedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "Chat bot", newScopes, NOW));
    }

    @Test
    void changeToTheSameNameAndScopesRecordsNothing() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, " CI key ", Set.of(Scope.KEYS, Scope.CAMPAIGNS), OWNER_SCOPES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changeWithNothingToChangeRecordsNothing() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, null, null, OWNER_SCOPES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changeAppliesToTheLatestValues() {
        givenIssuedKey(Mode.LIVE)
                .andGiven(new ApiKeyChangedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "Renamed", Set.of(Scope.CHAT),
                        ISSUED_AT.plusSeconds(60)))
                .when(change(Mode.LIVE, "Renamed", Set.of(Scope.CHAT), OWNER_SCOPES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void dashboardSessionCanChangeKeyOfEitherMode() {
        givenIssuedKey(Mode.TEST)
                .when(change(null, "Renamed", null, OWNER_SCOPES))
                .expectEvents(new ApiKeyChangedEvent(KEY_ID, ACCOUNT_ID, Mode.TEST, "Renamed", KEY_SCOPES, NOW));
    }

    @Test
    void cannotChangeAnotherAccountsKey() {
        givenIssuedKey(Mode.LIVE)
                .when(new ChangeApiKeyCommand(KEY_ID, authority(OTHER_ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES, null), "Mine now", null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void cannotChangeKeyOfTheOtherMode() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.TEST, "Renamed", null, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void cannotChangeScopesBeyondCallersOwn() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, null, Set.of(Scope.KEYS, Scope.BILLING), KEY_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.FORBIDDEN));
    }

    @Test
    void cannotChangeNameToBlank() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, " ", null, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void cannotChangeNameToLongerThanMaximum() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, "n".repeat(ApiKey.MAX_NAME_LENGTH + 1), null, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void cannotChangeScopesToNone() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, null, Set.of(), OWNER_SCOPES))
                .expectNoEvents()
                .expectException(invalidField("scopes"));
    }

    @Test
    void cannotChangeRevokedKey() {
        givenIssuedKey(Mode.LIVE)
                .andGiven(new ApiKeyRevokedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, ISSUED_AT.plusSeconds(60)))
                .when(change(Mode.LIVE, "Renamed", null, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    // --- revoke -------------------------------------------------------------------------------------------

    @Test
    void canRevokeKey() {
        givenIssuedKey(Mode.LIVE)
                .when(revoke(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES))
                .expectEvents(new ApiKeyRevokedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, NOW));
    }

    @Test
    void dashboardSessionCanRevokeKeyOfEitherMode() {
        givenIssuedKey(Mode.TEST)
                .when(revoke(ACCOUNT_ID, null, OWNER_SCOPES))
                .expectEvents(new ApiKeyRevokedEvent(KEY_ID, ACCOUNT_ID, Mode.TEST, NOW));
    }

    @Test
    void cannotRevokeAnotherAccountsKey() {
        givenIssuedKey(Mode.LIVE)
                .when(revoke(OTHER_ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void cannotRevokeKeyOfTheOtherMode() {
        givenIssuedKey(Mode.TEST)
                .when(revoke(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void cannotRevokeRevokedKey() {
        givenIssuedKey(Mode.LIVE)
                .andGiven(new ApiKeyRevokedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, ISSUED_AT.plusSeconds(60)))
                .when(revoke(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void revokedKeyOfAnotherAccountIsStillNotFound() {
        givenIssuedKey(Mode.LIVE)
                .andGiven(new ApiKeyRevokedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, ISSUED_AT.plusSeconds(60)))
                .when(revoke(OTHER_ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // --- a key's limits pass to the keys it manages --------------------------------------------------------

    @Test
    void keyIssuedByAnExpiringKeyExpiresWithItWhenNoExpiryIsAsked() {
        Instant issuerExpiry = NOW.plus(Duration.ofDays(7));
        fixture.givenCurrentTime(NOW)
                .when(new IssueApiKeyCommand(KEY_ID, authority(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES, issuerExpiry),
                        Mode.LIVE, "Child", KEY_SCOPES, PREFIX, SECRET_HASH, null))
                .expectEvents(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "Child", KEY_SCOPES, PREFIX,
                        SECRET_HASH, issuerExpiry, NOW));
    }

    @Test
    void keyCannotOutliveTheKeyThatIssuesIt() {
        Instant issuerExpiry = NOW.plus(Duration.ofDays(7));
        fixture.givenCurrentTime(NOW)
                .when(new IssueApiKeyCommand(KEY_ID, authority(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES, issuerExpiry),
                        Mode.LIVE, "Child", KEY_SCOPES, PREFIX, SECRET_HASH, issuerExpiry.plusSeconds(1)))
                .expectNoEvents()
                .expectException(invalidField("expiresAt"));
    }

    @Test
    void keyMayExpireBeforeTheKeyThatIssuesIt() {
        Instant issuerExpiry = NOW.plus(Duration.ofDays(7));
        fixture.givenCurrentTime(NOW)
                .when(new IssueApiKeyCommand(KEY_ID, authority(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES, issuerExpiry),
                        Mode.LIVE, "Child", KEY_SCOPES, PREFIX, SECRET_HASH, issuerExpiry))
                .expectEvents(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "Child", KEY_SCOPES, PREFIX,
                        SECRET_HASH, issuerExpiry, NOW));
    }

    @Test
    void narrowerKeyCannotRevokeAWiderKey() {
        givenIssuedKey(Mode.LIVE)
                .when(revoke(ACCOUNT_ID, Mode.LIVE, Set.of(Scope.KEYS)))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void narrowerKeyCannotChangeAWiderKey() {
        givenIssuedKey(Mode.LIVE)
                .when(change(Mode.LIVE, "Renamed", null, Set.of(Scope.KEYS)))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void expiringKeyCannotChangeAKeyThatOutlivesIt() {
        givenIssuedKey(Mode.LIVE) // never expires
                .when(new ChangeApiKeyCommand(KEY_ID, authority(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES,
                        NOW.plus(Duration.ofDays(1))), null, OWNER_SCOPES))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void expiringKeyCanChangeAKeyThatExpiresNoLater() {
        Instant expiry = NOW.plus(Duration.ofDays(1));
        fixture.given(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "CI key", KEY_SCOPES, PREFIX,
                        SECRET_HASH, expiry, ISSUED_AT))
                .andGivenCurrentTime(NOW)
                .when(new ChangeApiKeyCommand(KEY_ID, authority(ACCOUNT_ID, Mode.LIVE, OWNER_SCOPES, expiry),
                        "Renamed", null))
                .expectEvents(new ApiKeyChangedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, "Renamed", KEY_SCOPES, NOW));
    }

    @Test
    void keyHoldingAllOfAKeysScopesCanRevokeIt() {
        givenIssuedKey(Mode.LIVE)
                .when(revoke(ACCOUNT_ID, Mode.LIVE, KEY_SCOPES))
                .expectEvents(new ApiKeyRevokedEvent(KEY_ID, ACCOUNT_ID, Mode.LIVE, NOW));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** A key named "CI key" with scopes campaigns and keys, issued at ISSUED_AT; the command comes at NOW. */
    private TestExecutor<ApiKey> givenIssuedKey(Mode mode) {
        return fixture.given(new ApiKeyIssuedEvent(KEY_ID, ACCOUNT_ID, mode, "CI key", KEY_SCOPES, PREFIX,
                        SECRET_HASH, null, ISSUED_AT))
                .andGivenCurrentTime(NOW);
    }

    private static IssueApiKeyCommand issue(Mode mode, Mode callerMode, String name, Set<Scope> scopes,
                                            Set<Scope> grantableScopes, Instant expiresAt) {
        return new IssueApiKeyCommand(KEY_ID, authority(ACCOUNT_ID, callerMode, grantableScopes, null), mode, name,
                scopes, PREFIX, SECRET_HASH, expiresAt);
    }

    private static ChangeApiKeyCommand change(Mode callerMode, String name, Set<Scope> scopes,
                                              Set<Scope> grantableScopes) {
        return new ChangeApiKeyCommand(KEY_ID, authority(ACCOUNT_ID, callerMode, grantableScopes, null), name, scopes);
    }

    private static RevokeApiKeyCommand revoke(String accountId, Mode callerMode, Set<Scope> callerScopes) {
        return new RevokeApiKeyCommand(KEY_ID, authority(accountId, callerMode, callerScopes, null));
    }

    /** A key of this mode (null: a dashboard session) with these scopes and expiry, acting for the account. */
    private static KeyAuthority authority(String accountId, Mode callerMode, Set<Scope> scopes, Instant expiresAt) {
        Caller caller = new Caller(accountId, Role.OWNER, callerMode == null ? null : "key_caller", callerMode, scopes,
                expiresAt);
        return KeyAuthority.of(caller);
    }
}
