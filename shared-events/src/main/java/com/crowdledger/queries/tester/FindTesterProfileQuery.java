package com.crowdledger.queries.tester;

import com.crowdledger.shared.web.Tenant;

/** The profile of the tester account the tenant is, in the tenant's mode. */
public record FindTesterProfileQuery(Tenant tenant) {
}
