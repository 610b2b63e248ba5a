package com.crowdledger.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final CursorCodec codec = new CursorCodec(() -> KEY);
    private final Position position = new Position(Instant.parse("2026-03-01T10:15:30.123456Z"), "key_3f9a0c");

    @Test
    void positionSurvivesTheRoundTripToTheMicrosecond() {
        assertThat(codec.decode(codec.encode(position))).isEqualTo(position);
        Position nanos = new Position(Instant.ofEpochSecond(1_772_360_130L, 999_999_999), "key_ü_ß");
        assertThat(codec.decode(codec.encode(nanos))).isEqualTo(nanos);
    }

    @Test
    void cursorIsUrlSafeAndOpaque() {
        String cursor = codec.encode(position);
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("key_3f9a0c");
    }

    @Test
    void everySingleCharacterChangeIsRefused() {
        String cursor = codec.encode(position);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == cursor.charAt(i)) {
                    continue;
                }
                String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                assertRefused(tampered);
            }
        }
    }

    @Test
    void editedPositionWithTheOldMacIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(codec.encode(position));
        bytes[5] ^= 0x01; // a different createdAt second, MAC left as it was
        assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Test
    void cursorSignedWithAnotherKeyIsRefused() {
        CursorCodec otherNode = new CursorCodec(() -> "another platform's secret, 32 by".getBytes(StandardCharsets.US_ASCII));
        assertRefused(otherNode.encode(position));
    }

    @Test
    void garbageIsRefused() {
        String valid = codec.encode(position);
        for (String garbage : new String[] {"x", "abc", "!!!!", "not a cursor", "====", "eyJpZCI6MX0",
                valid.substring(0, valid.length() - 1), valid + "A", valid + "=", "A".repeat(100),
                "A".repeat(10_000), Base64.getUrlEncoder().encodeToString(new byte[64])}) {
            assertRefused(garbage);
        }
    }

    @Test
    void truncatedOrExtendedBytesAreRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(codec.encode(position));
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        assertRefused(encoder.encodeToString(Arrays.copyOf(bytes, bytes.length - 1)));
        assertRefused(encoder.encodeToString(Arrays.copyOf(bytes, bytes.length + 1)));
        assertRefused(encoder.encodeToString(Arrays.copyOfRange(bytes, 1, bytes.length)));
    }

    private void assertRefused(String cursor) {
        assertThatThrownBy(() -> codec.decode(cursor))
                .as("cursor %s", cursor)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.details()).extracting(FieldIssue::field).containsExactly("cursor");
                });
    }
}
