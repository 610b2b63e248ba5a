package com.crowdledger.query.tester;

import com.crowdledger.queries.tester.FindTesterProfileQuery;
import com.crowdledger.queries.tester.TesterProfileView;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.ListPage;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Testers' profiles: its own to a tester, those of its mode to an owner. */
@Component
class TesterQueries {
    private final TesterProfileRowRepository profiles;

    TesterQueries(TesterProfileRowRepository profiles) {
        this.profiles = profiles;
    }

    @QueryHandler
    Optional<TesterProfileView> find(FindTesterProfileQuery query) {
        return profiles.findOwn(query.tenant()).map(TesterProfileRow::view);
    }

    ListPage<TesterProfileView> list(Mode mode, Platform platform, PageRequest page) {
        List<TesterProfileRow> rows = platform == null
                ? profiles.page(mode, page.afterCreatedAt(), page.afterId(), page.fetchLimit())
                : profiles.pageOnPlatform(mode, platform.name(), page.afterCreatedAt(), page.afterId(),
                        page.fetchLimit());
        return page.toListPage(rows, TesterProfileRow::position,
                found -> found.stream().map(TesterProfileRow::view).toList());
    }
}
