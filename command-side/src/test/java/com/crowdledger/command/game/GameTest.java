package com.crowdledger.command.game;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.events.game.GameBuild;
import com.crowdledger.events.game.GameChangedEvent;
import com.crowdledger.events.game.GameCreatedEvent;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GameTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Tenant OWNER = new Tenant("acct_owner", EnumSet.of(Mode.TEST));
    private static final GameBuild BUILD = new GameBuild(Platform.WINDOWS, "0.9", "https://example.com/g.zip");

    private FixtureConfiguration<Game> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Game.class);
    }

    @Test
    void anOwnerAddsAGameInItsKeysMode() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateGameCommand("game_1", OWNER, " Space Farm ",
                        List.of(Platform.WINDOWS, Platform.WINDOWS, Platform.LINUX), " ", null, List.of(BUILD)))
                .expectEvents(created());
    }

    @Test
    void aBuildLinkIsHttps() {
        fixture.givenNoPriorActivity()
                .when(new CreateGameCommand("game_1", OWNER, "Space Farm", List.of(Platform.WINDOWS), null, null,
                        List.of(new GameBuild(Platform.WINDOWS, "0.9", "ftp://example.com/g.zip"))))
                .expectNoEvents().expectException(invalidField("builds.url"));
    }

    @Test
    void archivingIsAChangeOfStatus() {
        fixture.givenCurrentTime(NOW).andGiven(created())
                .when(new ChangeGameCommand("game_1", OWNER, null, null, null, null, null, GameStatus.ARCHIVED))
                .expectEvents(new GameChangedEvent("game_1", "acct_owner", Mode.TEST, "Space Farm",
                        List.of(Platform.WINDOWS, Platform.LINUX), null, null, List.of(BUILD), GameStatus.ARCHIVED,
                        NOW));
    }

    @Test
    void aChangeToNothingRecordsNothing() {
        fixture.given(created())
                .when(new ChangeGameCommand("game_1", OWNER, "Space Farm", null, null, null, null, GameStatus.ACTIVE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theOtherModeDoesNotSeeTheGame() {
        fixture.given(created())
                .when(new ChangeGameCommand("game_1", new Tenant("acct_owner", EnumSet.of(Mode.LIVE)), "Mine", null,
                        null, null, null, null))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
    }

    private static GameCreatedEvent created() {
        return new GameCreatedEvent("game_1", "acct_owner", Mode.TEST, "Space Farm",
                List.of(Platform.WINDOWS, Platform.LINUX), null, null, List.of(BUILD), NOW);
    }
}
