package com.crowdledger.command.game;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.game.GameBuild;
import com.crowdledger.events.game.GameChangedEvent;
import com.crowdledger.events.game.GameCreatedEvent;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A game of an owner's account: what playtests are ordered for. An archived game takes no new orders. */
@Aggregate
class Game {
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_GENRE_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 5000;
    static final int MAX_BUILDS = 20;
    static final int MAX_VERSION_LENGTH = 100;

    @AggregateIdentifier
    private String gameId;
    private String accountId;
    private Mode mode;
    private String title;
    private List<Platform> platforms;
    private String genre;
    private String description;
    private List<GameBuild> builds;
    private GameStatus status;

    Game() {
        // for Axon
    }

    @CommandHandler
    Game(CreateGameCommand command) {
        Mode ownerMode = command.owner().singleMode();
        if (ownerMode == null) {
            throw new IllegalStateException("Games are created with a key, which has one mode");
        }
        apply(new GameCreatedEvent(command.gameId(), command.owner().accountId(), ownerMode,
                validTitle(command.title()), validPlatforms(command.platforms()),
                optional("genre", command.genre(), MAX_GENRE_LENGTH),
                optional("description", command.description(), MAX_DESCRIPTION_LENGTH),
                validBuilds(command.builds()), now()));
    }

    @CommandHandler
    void handle(ChangeGameCommand command) {
        if (!command.owner().owns(accountId, mode)) {
            throw DomainException.notFound("Game");
        }
        String newTitle = command.title() == null ? title : validTitle(command.title());
        List<Platform> newPlatforms = command.platforms() == null ? platforms : validPlatforms(command.platforms());
        String newGenre = command.genre() == null ? genre : optional("genre", command.genre(), MAX_GENRE_LENGTH);
        String newDescription = command.description() == null ? description
                : optional("description", command.description(), MAX_DESCRIPTION_LENGTH);
        List<GameBuild> newBuilds = command.builds() == null ? builds : validBuilds(command.builds());
        GameStatus newStatus = command.status() == null ? status : command.status();
        if (newTitle.equals(title) && newPlatforms.equals(platforms) && Objects.equals(newGenre, genre)
                && Objects.equals(newDescription, description) && newBuilds.equals(builds) && newStatus == status) {
            return; // nothing changes, nothing to record
        }
        apply(new GameChangedEvent(gameId, accountId, mode, newTitle, newPlatforms, newGenre, newDescription,
                newBuilds, newStatus, now()));
    }

    @EventSourcingHandler
    void on(GameCreatedEvent event) {
        gameId = event.gameId();
        accountId = event.accountId();
        mode = event.mode();
        title = event.title();
        platforms = event.platforms();
        genre = event.genre();
        description = event.description();
        builds = event.builds();
        status = GameStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(GameChangedEvent event) {
        title = event.title();
        platforms = event.platforms();
        genre = event.genre();
        description = event.description();
        builds = event.builds();
        status = event.status();
    }

    private static String validTitle(String title) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE_LENGTH) {
            throw DomainException.invalid("title", "must be 1 to " + MAX_TITLE_LENGTH + " characters");
        }
        return title.strip();
    }

    /** At least one platform; each once, in the order given. */
    private static List<Platform> validPlatforms(List<Platform> platforms) {
        if (platforms == null || platforms.isEmpty() || platforms.stream().anyMatch(Objects::isNull)) {
            throw DomainException.invalid("platforms", "must name at least one platform");
        }
        return List.copyOf(new LinkedHashSet<>(platforms));
    }

    private static List<GameBuild> validBuilds(List<GameBuild> builds) {
        if (builds == null) {
            return List.of();
        }
        if (builds.size() > MAX_BUILDS) {
            throw DomainException.invalid("builds", "at most " + MAX_BUILDS + " builds");
        }
        return builds.stream().map(Game::validBuild).toList();
    }

    private static GameBuild validBuild(GameBuild build) {
        if (build == null || build.platform() == null) {
            throw DomainException.invalid("builds", "each build names its platform");
        }
        String version = optional("builds.version", build.version(), MAX_VERSION_LENGTH);
        if (version == null) {
            throw DomainException.invalid("builds.version", "must be 1 to " + MAX_VERSION_LENGTH + " characters");
        }
        return new GameBuild(build.platform(), version, HttpsLinks.require("builds.url", build.url()));
    }

    private static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > maxLength) {
            throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
