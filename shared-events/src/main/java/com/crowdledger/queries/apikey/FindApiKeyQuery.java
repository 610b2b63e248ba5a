package com.crowdledger.queries.apikey;

import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Tenant;
import java.util.Set;

/** One key as its owner sees it: within the tenant, and only if its scopes are within {@code callerScopes}. */
public record FindApiKeyQuery(String keyId, Tenant tenant, Set<Scope> callerScopes) {
}
