package com.crowdledger.queries.apikey;

import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Set;

/**
 * One key as its owner sees it: within the tenant, and only if the caller could have issued it (its scopes within
 * {@code callerScopes}, and its expiry no later than {@code callerExpiresAt}, null for a caller without expiry).
 */
public record FindApiKeyQuery(String keyId, Tenant tenant, Set<Scope> callerScopes, Instant callerExpiresAt) {
}
