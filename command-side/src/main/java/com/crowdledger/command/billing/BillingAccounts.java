package com.crowdledger.command.billing;

import com.crowdledger.shared.Mode;

/** The id of an account's billing aggregate in a mode: each mode is a money world of its own. */
public final class BillingAccounts {
    private BillingAccounts() {
    }

    public static String idOf(String accountId, Mode mode) {
        return "billing:" + accountId + ":" + mode.wireName();
    }
}
