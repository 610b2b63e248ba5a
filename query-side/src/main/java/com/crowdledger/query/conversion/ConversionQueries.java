package com.crowdledger.query.conversion;

import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.query.tracking.Period;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Conversions as their owner sees them; another account's conversion, or one of the other mode, is not there. */
@Component
class ConversionQueries {
    private final ConversionViewRepository conversions;

    ConversionQueries(ConversionViewRepository conversions) {
        this.conversions = conversions;
    }

    Optional<ConversionSummary> find(Tenant tenant, String id) {
        return conversions.find(tenant, id).map(ConversionView::summary);
    }

    ListPage<ConversionSummary> list(Tenant tenant, Period period, String offerId, String partnerId,
                                     Set<ConversionStatus> statuses, PageRequest page) {
        // empty values ("status=", "status=,") name no status: like no filter
        Set<ConversionStatus> named = statuses == null ? Set.of()
                : statuses.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Set<ConversionStatus> filter = named.isEmpty() ? EnumSet.allOf(ConversionStatus.class) : named;
        List<ConversionView> rows = conversions.page(tenant, period.start(), period.end(), offerId, partnerId, filter,
                page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, ConversionView::position,
                views -> views.stream().map(ConversionView::summary).toList());
    }
}
