package com.crowdledger.query.apikey;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyViewRepository extends JpaRepository<ApiKeyView, String> {
    @Modifying
    @Query("update ApiKeyView e set e.revokedAt = :at where e.accountId = :accountId and e.revokedAt is null")
    void revokeAllOf(String accountId, Instant at);

    @CrossTenant("authentication finds a presented key by its display prefix, before it knows who is calling")
    List<ApiKeyView> findByPrefix(String prefix);

    /** Keys the caller could have issued: scopes all among {@code scopes}, no expiry later than {@code until}. */
    String MANAGEABLE = "array_includes(:scopes, e.scopes) and coalesce(e.expiresAt, :never) <= :until";

    /** A key of the tenant that the caller could have issued: a narrower or shorter-lived key sees no wider one. */
    @Query("select e from ApiKeyView e where e.id = :id and " + Tenancy.OWNED + " and " + MANAGEABLE)
    Optional<ApiKeyView> find(Tenant tenant, String id, String[] scopes, Instant until, Instant never);

    /** One page of the tenant's keys that the caller could have issued, newest first (index api_keys_account). */
    @Query("select e from ApiKeyView e where " + Tenancy.OWNED + " and " + MANAGEABLE + " and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<ApiKeyView> page(Tenant tenant, String[] scopes, Instant until, Instant never, Instant afterCreatedAt,
                          String afterId, Limit limit);
}
