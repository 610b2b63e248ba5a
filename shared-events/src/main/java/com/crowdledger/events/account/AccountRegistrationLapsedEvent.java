package com.crowdledger.events.account;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A registration whose e-mail was never verified, and whose verification token expired, gave its e-mail address and
 * slug up because someone registered the address again: an unverified registration never keeps the address from its
 * owner. The account and its keys are gone.
 */
public record AccountRegistrationLapsedEvent(String accountId, Mode mode, String email, Instant lapsedAt)
        implements TenantEvent {
}
