package com.crowdledger.query.apikey;

import com.crowdledger.queries.apikey.ApiKeySummary;
import com.crowdledger.queries.apikey.FindApiKeyQuery;
import com.crowdledger.query.account.AccountView;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Keys as their owner sees them; a key of another account or of the caller's other mode is not there. */
@Component
class ApiKeyQueries {
    private final ApiKeyViewRepository keys;
    private final AccountViewRepository accounts;
    private final ApiKeyUsage usage;

    ApiKeyQueries(ApiKeyViewRepository keys, AccountViewRepository accounts, ApiKeyUsage usage) {
        this.keys = keys;
        this.accounts = accounts;
        this.usage = usage;
    }

    /** Stands for "no expiry" in the manageability condition: later than any real expiry. */
    private static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    @QueryHandler
    Optional<ApiKeySummary> find(FindApiKeyQuery query) {
        return keys.find(query.tenant(), query.keyId(), ApiKeyView.wireNames(query.callerScopes()),
                        until(query.callerExpiresAt()), NEVER)
                .map(key -> summaries(query.tenant().accountId(), List.of(key)).get(0));
    }

    /** The tenant's keys that a caller with these scopes and this expiry (null: none) may manage. */
    ListPage<ApiKeySummary> list(Tenant tenant, Set<Scope> callerScopes, Instant callerExpiresAt, PageRequest page) {
        List<ApiKeyView> rows = keys.page(tenant, ApiKeyView.wireNames(callerScopes), until(callerExpiresAt), NEVER,
                page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, ApiKeyView::position, views -> summaries(tenant.accountId(), views));
    }

    private static Instant until(Instant callerExpiresAt) {
        return callerExpiresAt == null ? NEVER : callerExpiresAt;
    }

    private List<ApiKeySummary> summaries(String accountId, List<ApiKeyView> views) {
        boolean verified = accounts.findById(accountId).map(AccountView::emailVerified).orElse(false);
        Map<String, Instant> lastUsed = usage.lastUsed(views.stream().map(ApiKeyView::id).toList());
        Instant now = Instant.now();
        return views.stream().map(view -> view.summary(verified, lastUsed.get(view.id()), now)).toList();
    }
}
