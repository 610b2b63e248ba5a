package com.crowdledger.query.apikey;

import com.crowdledger.queries.apikey.ApiKeySummary;
import com.crowdledger.queries.apikey.FindApiKeyQuery;
import com.crowdledger.query.account.AccountView;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.ListPage;
import java.time.Instant;
import java.util.EnumSet;
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

    @QueryHandler
    Optional<ApiKeySummary> find(FindApiKeyQuery query) {
        return keys.findById(query.keyId())
                .filter(key -> key.accountId().equals(query.accountId()))
                .filter(key -> query.callerMode() == null || key.mode() == query.callerMode())
                .map(key -> summaries(query.accountId(), List.of(key)).get(0));
    }

    /** @param mode only keys of this mode, or null for both */
    ListPage<ApiKeySummary> list(String accountId, Mode mode, PageRequest page) {
        Set<Mode> modes = mode == null ? EnumSet.allOf(Mode.class) : EnumSet.of(mode);
        List<ApiKeyView> rows = keys.page(accountId, modes, page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, ApiKeyView::position, views -> summaries(accountId, views));
    }

    private List<ApiKeySummary> summaries(String accountId, List<ApiKeyView> views) {
        boolean verified = accounts.findById(accountId).map(AccountView::emailVerified).orElse(false);
        Map<String, Instant> lastUsed = usage.lastUsed(views.stream().map(ApiKeyView::id).toList());
        Instant now = Instant.now();
        return views.stream().map(view -> view.summary(verified, lastUsed.get(view.id()), now)).toList();
    }
}
