package com.crowdledger.queries.apikey;

import com.crowdledger.shared.Mode;

/** One key as its owner sees it; {@code callerMode} null means a dashboard session (both modes). */
public record FindApiKeyQuery(String keyId, String accountId, Mode callerMode) {
}
