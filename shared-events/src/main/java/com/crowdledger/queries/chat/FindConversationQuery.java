package com.crowdledger.queries.chat;

import com.crowdledger.shared.web.Tenant;

/** One conversation the tenant takes part in (as its owner or as its tester), seen by that participant. */
public record FindConversationQuery(String conversationId, Tenant participant) {
}
