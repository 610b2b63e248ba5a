package com.crowdledger.query.game;

import com.crowdledger.events.game.GameBuild;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.queries.game.GameView;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A game of an owner's account. */
@Entity
@Table(name = "games")
public class GameRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String title;
    /** Enum names, in the order given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] platforms;
    private String genre;
    private String description;
    @Convert(converter = GameBuildsColumn.class)
    private List<GameBuild> builds;
    @Enumerated(EnumType.STRING)
    private GameStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected GameRow() {
    }

    GameRow(String id, String accountId, Mode mode, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.createdAt = createdAt;
    }

    void change(String newTitle, List<Platform> newPlatforms, String newGenre, String newDescription,
                List<GameBuild> newBuilds, GameStatus newStatus, Instant at) {
        title = newTitle;
        platforms = newPlatforms.stream().map(Platform::name).toArray(String[]::new);
        genre = newGenre;
        description = newDescription;
        builds = List.copyOf(newBuilds);
        status = newStatus;
        updatedAt = at;
    }

    GameView view() {
        return new GameView(id, title, Arrays.stream(platforms).map(Platform::valueOf).toList(), genre, description,
                builds, status, createdAt, updatedAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
