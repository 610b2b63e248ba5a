package com.crowdledger.query.game;

import com.crowdledger.events.game.GameStatus;
import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GameRowRepository extends JpaRepository<GameRow, String> {
    @Query("select e from GameRow e where e.id = :id and " + Tenancy.OWNED)
    Optional<GameRow> find(Tenant tenant, String id);

    /** The tenant's games, newest first, optionally of one status (index games_account). */
    @Query("select e from GameRow e where " + Tenancy.OWNED + " and (:status is null or e.status = :status) and "
            + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<GameRow> page(Tenant tenant, GameStatus status, Instant afterCreatedAt, String afterId, Limit limit);
}
