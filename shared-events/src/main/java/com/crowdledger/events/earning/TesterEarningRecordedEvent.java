package com.crowdledger.events.earning;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/**
 * A tester earned money, owed by the paying account ({@code accountId}: the owner of the campaign or game). Applied
 * in the same command as what earned it (a bug's acceptance), so a subscribing policy can veto both at once (issue
 * 10: charging the payer's credit in live mode, 402 when it is short). Status {@code pending} until paid.
 */
public record TesterEarningRecordedEvent(
        String earningId,
        String accountId,
        Mode mode,
        String testerAccountId,
        EarningSource source,
        Money amount,
        EarningStatus status,
        Instant recordedAt) implements TenantEvent {
}
