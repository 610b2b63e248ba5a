package com.crowdledger.queries.tester;

import com.crowdledger.shared.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tester's profile as the tester and owners see it. {@code rating}: accepted bugs ÷ triaged bugs, duplicates left
 * out, on a 0–5 scale with two decimals; null until one of the tester's bugs was triaged (and not a duplicate).
 */
public record TesterProfileView(
        String id,
        List<Platform> platforms,
        List<String> devices,
        @Nullable String country,
        int acceptedBugs,
        @Nullable BigDecimal rating,
        Instant createdAt,
        Instant updatedAt) {
}
