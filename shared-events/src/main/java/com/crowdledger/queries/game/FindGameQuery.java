package com.crowdledger.queries.game;

import com.crowdledger.shared.web.Tenant;

/** One game of the tenant. */
public record FindGameQuery(String gameId, Tenant tenant) {
}
