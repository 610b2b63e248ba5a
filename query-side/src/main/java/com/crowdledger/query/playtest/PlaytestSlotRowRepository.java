package com.crowdledger.query.playtest;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlaytestSlotRowRepository extends JpaRepository<PlaytestSlotRow, String> {
    @Query("select e from PlaytestSlotRow e where e.id = :id and " + Tenancy.OWNED)
    Optional<PlaytestSlotRow> find(Tenant tenant, String id);

    /** A slot as the tester holding it sees it. */
    @Query("select e from PlaytestSlotRow e where e.id = :id and e.testerAccountId = :#{#tenant.accountId()}"
            + " and " + Tenancy.IN_MODES)
    Optional<PlaytestSlotRow> findHeld(Tenant tenant, String id);

    /** A playtest's slots (index playtest_slots_playtest). */
    @Query("select e from PlaytestSlotRow e where e.playtestId = :playtestId and " + Tenancy.OWNED + " and "
            + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<PlaytestSlotRow> pageOfPlaytest(Tenant tenant, String playtestId, Instant afterCreatedAt, String afterId,
                                         Limit limit);

    /** The open slots of playtests a tester was shown (their ids only). */
    @CrossTenant("the open slots of the playtests a tester discovered (ids only)")
    @Query("select e.playtestId, e.id from PlaytestSlotRow e where e.playtestId in :playtestIds"
            + " and e.status = 'OPEN' order by e.id")
    List<Object[]> openSlotIds(Collection<String> playtestIds);
}
