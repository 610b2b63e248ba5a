package com.crowdledger.query.chat;

import com.crowdledger.shared.Role;
import java.time.Instant;

/** Someone the caller may talk to: its account id (the {@code contactId} that starts a conversation), name, role. */
record ChatContactView(String accountId, String name, Role role, Instant since) {
}
