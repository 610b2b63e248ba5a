package com.crowdledger.query.bug;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.queries.bug.BugViewer;
import com.crowdledger.shared.web.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;

/**
 * Writes the query with the filters that are set and no others: a condition like {@code (:status is null or ...)}
 * would leave PostgreSQL one generic plan for every combination, where each filter has an index of its own
 * ({@code bugs_owner_<filter>}: the party's columns, the filter's, then the keyset).
 */
class BugPagesImpl implements BugPages {
    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public List<BugRow> page(Tenant tenant, BugViewer viewer, BugFilter filter, Instant afterCreatedAt,
                             String afterId, Limit limit) {
        StringBuilder jpql = new StringBuilder("select e from BugRow e where ")
                .append(viewer == BugViewer.OWNER ? "e.accountId" : "e.testerAccountId")
                .append(" = :party");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("party", tenant.accountId());
        // one mode as a single value (a collection parameter defeats Hibernate's plan cache); a session sees both
        condition(jpql, parameters, "e.mode = :mode", "mode", tenant.singleMode());
        condition(jpql, parameters, "e.campaignId = :campaignId", "campaignId", filter.campaignId());
        condition(jpql, parameters, "e.status = :status", "status", filter.status());
        condition(jpql, parameters, "e.severity = :severity", "severity", filter.severity());
        condition(jpql, parameters, "e.testerId = :testerId", "testerId", filter.testerId());
        condition(jpql, parameters, "e.createdAt >= :from", "from", filter.reportedFrom());
        condition(jpql, parameters, "e.createdAt < :before", "before", filter.reportedBefore());
        jpql.append(" and ").append(Keyset.AFTER).append(" order by ").append(Keyset.NEWEST_FIRST);
        parameters.put("afterCreatedAt", afterCreatedAt);
        parameters.put("afterId", afterId);

        TypedQuery<BugRow> query = entityManager.createQuery(jpql.toString(), BugRow.class)
                .setMaxResults(limit.max());
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String condition, String name,
                                  Object value) {
        if (value != null) {
            jpql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }
}
