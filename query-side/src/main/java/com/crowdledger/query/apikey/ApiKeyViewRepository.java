package com.crowdledger.query.apikey;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.shared.Mode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyViewRepository extends JpaRepository<ApiKeyView, String> {
    List<ApiKeyView> findByPrefix(String prefix);

    /** One page of an account's keys of the given modes, newest first (index api_keys_account). */
    @Query("select e from ApiKeyView e where e.accountId = :accountId and e.mode in :modes and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<ApiKeyView> page(String accountId, Collection<Mode> modes, Instant afterCreatedAt, String afterId,
                          Limit limit);
}
