package com.crowdledger.query.earning;

import com.crowdledger.events.earning.EarningStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An earning as its tester sees it: what earned it ({@code sourceType} {@code bug}, with {@code bugId} and
 * {@code campaignId}; {@code submission}: an accepted playtest submission, {@code sourceId} its id), the exact
 * amount in its currency, and whether it is paid ({@code paidAt}: by an operator's payout batch).
 */
public record EarningView(
        String id,
        String sourceType,
        String sourceId,
        @Nullable String bugId,
        @Nullable String campaignId,
        BigDecimal amount,
        String currency,
        EarningStatus status,
        Instant createdAt,
        @Nullable Instant paidAt) {
}
