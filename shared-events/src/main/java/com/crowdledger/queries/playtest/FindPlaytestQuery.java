package com.crowdledger.queries.playtest;

import com.crowdledger.shared.web.Tenant;

/** One playtest of the tenant (its owner). */
public record FindPlaytestQuery(String playtestId, Tenant tenant) {
}
