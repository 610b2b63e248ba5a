package com.crowdledger.query.tester;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.shared.Mode;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TesterProfileRowRepository extends JpaRepository<TesterProfileRow, String> {
    /** The profile of the tester account the tenant is, in its mode. */
    @Query("select e from TesterProfileRow e where e.accountId = :#{#tenant.accountId()}"
            + " and " + Tenancy.IN_MODES)
    Optional<TesterProfileRow> findOwn(Tenant tenant);

    @CrossTenant("testers offer their profiles to every owner of their mode (no account details)")
    @Query("select e from TesterProfileRow e where e.mode = :mode and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<TesterProfileRow> page(Mode mode, Instant afterCreatedAt, String afterId, Limit limit);

    @CrossTenant("testers offer their profiles to every owner of their mode (no account details)")
    @Query("select e from TesterProfileRow e where e.mode = :mode and array_contains(e.platforms, :platform)"
            + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<TesterProfileRow> pageOnPlatform(Mode mode, String platform, Instant afterCreatedAt, String afterId,
                                          Limit limit);
}
