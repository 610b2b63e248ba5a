package com.crowdledger.command.game;

import com.crowdledger.events.game.GameBuild;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.queries.game.FindGameQuery;
import com.crowdledger.queries.game.GameView;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An owner adds and edits its games (archiving is a change of {@code status}), in the mode of its key. */
@RestController
@RequestMapping("/v1/games")
@Authenticated(scope = Scope.GAME_OWNER)
class GameCommandController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    GameCommandController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A build: its platform, a version label, and an https download link. */
    record GameBuildRequest(
            @NotNull Platform platform,
            @NotBlank @Size(max = Game.MAX_VERSION_LENGTH) String version,
            @NotBlank @Size(max = HttpsLinks.MAX_LENGTH) String url) {
        GameBuild toBuild() {
            return new GameBuild(platform, version, url);
        }
    }

    record CreateGame(
            @NotBlank @Size(max = Game.MAX_TITLE_LENGTH) String title,
            @NotEmpty @Size(max = 10) List<@NotNull Platform> platforms,
            @Nullable @Size(max = Game.MAX_GENRE_LENGTH) String genre,
            @Nullable @Size(max = Game.MAX_DESCRIPTION_LENGTH) String description,
            @Nullable @Size(max = Game.MAX_BUILDS) List<@NotNull @Valid GameBuildRequest> builds) {
    }

    /** Fields left out stay as they are; {@code status: archived} archives the game, {@code active} restores it. */
    record ChangeGame(
            @Nullable @Size(min = 1, max = Game.MAX_TITLE_LENGTH) String title,
            @Nullable @Size(min = 1, max = 10) List<@NotNull Platform> platforms,
            @Nullable @Size(max = Game.MAX_GENRE_LENGTH) String genre,
            @Nullable @Size(max = Game.MAX_DESCRIPTION_LENGTH) String description,
            @Nullable @Size(max = Game.MAX_BUILDS) List<@NotNull @Valid GameBuildRequest> builds,
            @Nullable GameStatus status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GameView create(Caller caller, @Valid @RequestBody CreateGame request) {
        Tenant owner = Tenant.of(caller);
        String gameId = Ids.next(Ids.GAME);
        commands.sendAndWait(new CreateGameCommand(gameId, owner, request.title(), request.platforms(),
                request.genre(), request.description(), builds(request.builds())));
        return view(gameId, owner);
    }

    @PatchMapping("/{id}")
    GameView change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeGame request) {
        Tenant owner = Tenant.of(caller);
        if (!Ids.hasPrefix(id, Ids.GAME)) {
            throw DomainException.notFound("Game");
        }
        commands.sendAndWait(new ChangeGameCommand(id, owner, request.title(), request.platforms(), request.genre(),
                request.description(), request.builds() == null ? null : builds(request.builds()),
                request.status()));
        return view(id, owner);
    }

    private static List<GameBuild> builds(List<GameBuildRequest> builds) {
        return builds == null ? List.of() : builds.stream().map(GameBuildRequest::toBuild).toList();
    }

    private GameView view(String gameId, Tenant owner) {
        return queries.query(new FindGameQuery(gameId, owner), ResponseTypes.optionalInstanceOf(GameView.class))
                .join().orElseThrow(() -> DomainException.notFound("Game"));
    }
}
