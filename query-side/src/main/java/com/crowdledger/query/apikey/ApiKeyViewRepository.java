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
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyViewRepository extends JpaRepository<ApiKeyView, String> {
    @CrossTenant("authentication finds a presented key by its display prefix, before it knows who is calling")
    List<ApiKeyView> findByPrefix(String prefix);

    /** A key of the tenant whose scopes are all among {@code scopes} (the caller's): a narrower key sees no wider one. */
    @Query("select e from ApiKeyView e where e.id = :id and " + Tenancy.OWNED + " and array_includes(:scopes, e.scopes)")
    Optional<ApiKeyView> find(Tenant tenant, String id, String[] scopes);

    /** One page of the tenant's keys whose scopes are all among {@code scopes}, newest first (index api_keys_account). */
    @Query("select e from ApiKeyView e where " + Tenancy.OWNED + " and array_includes(:scopes, e.scopes) and "
            + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<ApiKeyView> page(Tenant tenant, String[] scopes, Instant afterCreatedAt, String afterId, Limit limit);
}
