package com.crowdledger.queries.bug;

/**
 * Whose side a bug is seen from: its campaign's owner (the tenant owns the campaign) or the tester who reported it
 * (the tenant is the tester's account). Anyone else does not see it.
 */
public enum BugViewer {
    OWNER, TESTER
}
