package com.crowdledger.query.apikey;

import com.crowdledger.queries.apikey.ApiKeySummary;
import com.crowdledger.queries.apikey.FindApiKeyQuery;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the caller's keys: a key sees its own mode's keys, and only those whose scopes it holds all of; a dashboard
 * session sees both modes, or one with {@code ?mode=}.
 */
@RestController
@RequestMapping("/v1/auth/api-keys")
@Authenticated(scope = Scope.KEYS, dashboard = true)
class ApiKeyQueryController {
    private final ApiKeyQueries queries;

    ApiKeyQueryController(ApiKeyQueries queries) {
        this.queries = queries;
    }

    /** Newest first, one page at a time ({@code ?limit=&cursor=}). */
    @GetMapping
    ListPage<ApiKeySummary> list(Caller caller, @RequestParam(required = false) Mode mode, PageRequest page) {
        Tenant tenant = Tenant.of(caller);
        return (mode == null ? Optional.of(tenant) : tenant.inMode(mode))
                .map(visible -> queries.list(visible, caller.scopes(), caller.keyExpiresAt(), page))
                .orElseGet(() -> ListPage.complete(List.of()));
    }

    @GetMapping("/{id}")
    ApiKeySummary get(Caller caller, @PathVariable String id) {
        return queries.find(new FindApiKeyQuery(id, Tenant.of(caller), caller.scopes(), caller.keyExpiresAt()))
                .orElseThrow(() -> DomainException.notFound("API key"));
    }
}
