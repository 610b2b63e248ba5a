package com.crowdledger.query.playtest;

import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlaytestRowRepository extends JpaRepository<PlaytestRow, String> {
    @Query("select e from PlaytestRow e where e.id = :id and " + Tenancy.OWNED)
    Optional<PlaytestRow> find(Tenant tenant, String id);

    /** A game's playtests, newest first, optionally of one status (index playtests_game). */
    @Query("select e from PlaytestRow e where e.gameId = :gameId and " + Tenancy.OWNED
            + " and (:status is null or e.status = :status) and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<PlaytestRow> pageOfGame(Tenant tenant, String gameId, PlaytestStatus status, Instant afterCreatedAt,
                                 String afterId, Limit limit);

    /**
     * Open playtests with open slots, of every account in the tester's mode: public ones, and private ones offered
     * to the tester's profile; none where the tester already holds a slot (index playtests_open).
     */
    @CrossTenant("testers discover the open playtests of every account in their mode (no keys, no other testers)")
    @Query("select e from PlaytestRow e where e.mode = :mode and e.status = 'OPEN' and e.openSlots > 0"
            + " and (e.visibility = 'PUBLIC' or exists (select i from PlaytestInvitationRow i"
            + " where i.playtestId = e.id and i.testerId = :testerId))"
            + " and not exists (select s from PlaytestSlotRow s where s.playtestId = e.id"
            + " and s.testerAccountId = :testerAccountId)"
            + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<PlaytestRow> openPage(Mode mode, String testerId, String testerAccountId, Instant afterCreatedAt,
                               String afterId, Limit limit);
}
