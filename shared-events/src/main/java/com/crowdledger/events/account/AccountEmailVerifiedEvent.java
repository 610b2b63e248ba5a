package com.crowdledger.events.account;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** The account proved it owns its e-mail address; its keys become usable. */
public record AccountEmailVerifiedEvent(String accountId, Mode mode, Instant verifiedAt) implements TenantEvent {
}
