package com.crowdledger.query.bug;

import com.crowdledger.queries.bug.BugViewer;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;

/** A page of bug reports seen from one side, with only the filters given in the query (so each has its index). */
interface BugPages {
    List<BugRow> page(Tenant tenant, BugViewer viewer, BugFilter filter, Instant afterCreatedAt, String afterId,
                      Limit limit);
}
