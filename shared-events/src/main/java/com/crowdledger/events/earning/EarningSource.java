package com.crowdledger.events.earning;

import org.jspecify.annotations.Nullable;

/**
 * What an earning pays for: {@code type} {@code bug} (an accepted bug report: {@code id} is the bug, and
 * {@code campaignId} its campaign) or {@code submission} (an accepted playtest submission, issue 10: no campaign).
 */
public record EarningSource(String type, String id, @Nullable String campaignId) {
    public static final String BUG = "bug";
    public static final String SUBMISSION = "submission";

    public static EarningSource bug(String bugId, String campaignId) {
        return new EarningSource(BUG, bugId, campaignId);
    }

    public static EarningSource submission(String submissionId) {
        return new EarningSource(SUBMISSION, submissionId, null);
    }
}
