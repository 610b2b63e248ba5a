package com.crowdledger.query.billing;

import com.crowdledger.shared.Mode;
import org.jspecify.annotations.Nullable;

/**
 * The credit of the key's account and mode: the sum of its ledger, in minor units of {@code currency} (null before
 * the first top-up).
 */
public record CreditBalanceView(Mode mode, long balanceCents, @Nullable String currency) {
}
