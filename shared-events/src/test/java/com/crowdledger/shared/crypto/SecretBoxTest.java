package com.crowdledger.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final MasterKey first = MasterKey.generate();
    private final MasterKey second = MasterKey.generate();

    @Test
    void sealedValueOpensUnderItsContextOnly() {
        SecretBox box = new SecretBox(first, List.of());
        String sealed = box.seal("whsec_abc", "webhook-secret:whk_1");

        assertThat(sealed).startsWith("sb1." + first.id() + ".").doesNotContain("whsec_abc");
        assertThat(box.openString(sealed, "webhook-secret:whk_1")).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> box.open(sealed, "webhook-secret:whk_2"))
                .isInstanceOf(AesGcm.TamperedException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        SecretBox box = new SecretBox(first, List.of());
        assertThat(box.seal("same", "c")).isNotEqualTo(box.seal("same", "c"));
    }

    @Test
    void changedOrForeignValuesDoNotOpen() {
        SecretBox box = new SecretBox(first, List.of());
        String sealed = box.seal("secret", "c");
        char last = sealed.charAt(sealed.length() - 2);
        String flipped = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> box.open(flipped, "c")).isInstanceOf(AesGcm.TamperedException.class);
        assertThatThrownBy(() -> box.open("not sealed", "c")).isInstanceOf(AesGcm.TamperedException.class);
        assertThatThrownBy(() -> new SecretBox(second, List.of()).open(sealed, "c"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(first.id());
    }

    @Test
    void rotationKeepsOldValuesReadableAndRewrapMovesThemToTheNewKey() {
        String sealedBefore = new SecretBox(first, List.of()).seal("secret", "c");
        SecretBox rotated = new SecretBox(second, List.of(first));

        assertThat(rotated.isCurrent(sealedBefore)).isFalse();
        assertThat(rotated.openString(sealedBefore, "c")).isEqualTo("secret");

        String rewrapped = rotated.rewrap(sealedBefore);
        assertThat(rotated.isCurrent(rewrapped)).isTrue();
        assertThat(new SecretBox(second, List.of()).openString(rewrapped, "c")).isEqualTo("secret");
    }

    @Test
    void masterKeysAreThirtyTwoBytesOfBase64() {
        assertThat(MasterKey.fromBase64(first.toBase64())).isEqualTo(first);
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}
