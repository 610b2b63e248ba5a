package com.crowdledger.query.earning;

import com.crowdledger.events.earning.EarningStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An earning as its tester sees it: what earned it ({@code sourceType} {@code bug}, with {@code bugId} and
 * {@code campaignId}; later also playtest submissions), the exact amount in its currency, and whether it is paid.
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
