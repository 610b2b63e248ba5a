package com.crowdledger.command.apikey;

import com.crowdledger.shared.Mode;

/** How many keys an account holds in a mode that are not revoked: a set-based fact the ApiKey aggregate cannot know. */
public interface ActiveKeys {
    int count(String accountId, Mode mode);
}
