package com.crowdledger.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.Ids;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTokensTest {

    @Test
    void shapesAreAsDocumented() {
        assertThat(RandomTokens.hex(16)).matches("[0-9a-f]{32}");
        assertThat(RandomTokens.urlSafe()).matches("[A-Za-z0-9_-]{43}");
        assertThat(RandomTokens.base62(22)).matches("[0-9A-Za-z]{22}");
        assertThat(Ids.next(Ids.CAMPAIGN)).matches("camp_[0-9A-Za-z]{22}");
    }

    @Test
    void base62UsesEveryCharacterAndRepeatsNothing() {
        Set<Character> seen = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String token = RandomTokens.base62(22);
            ids.add(token);
            token.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(62);
        assertThat(ids).hasSize(2_000);
    }

    @Test
    void hmacAndComparisons() {
        byte[] key = RandomTokens.bytes(32);
        assertThat(Digests.hmacSha256Hex(key, "10.0.0.1")).hasSize(64)
                .isEqualTo(Digests.hmacSha256Hex(key, "10.0.0.1"))
                .isNotEqualTo(Digests.hmacSha256Hex(RandomTokens.bytes(32), "10.0.0.1"));
        assertThat(Digests.constantTimeEquals("a", "a")).isTrue();
        assertThat(Digests.constantTimeEquals("a", null)).isFalse();
    }
}
