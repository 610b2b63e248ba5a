package com.crowdledger.queries.bug;

import com.crowdledger.shared.web.Tenant;

/** One bug, if the tenant sees it from {@code viewer}'s side. */
public record FindBugQuery(String bugId, Tenant tenant, BugViewer viewer) {
}
