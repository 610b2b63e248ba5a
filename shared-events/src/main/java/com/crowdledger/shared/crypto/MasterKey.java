package com.crowdledger.shared.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A key-encryption key of {@link SecretBox}. Its id (the first 8 hex digits of its SHA-256) is written beside every
 * value it wraps, so that after a rotation each value names the key that opens it.
 */
public final class MasterKey {
    private final String id;
    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("A master key is " + AesGcm.KEY_BYTES + " bytes (base64 of 32 bytes)");
        }
        this.key = key.clone();
        this.id = HexFormat.of().formatHex(Digests.sha256(key)).substring(0, 8);
    }

    /** @param base64 32 bytes in standard or URL-safe base64 */
    public static MasterKey fromBase64(String base64) {
        String text = base64.strip();
        try {
            return new MasterKey(text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A master key must be base64 of 32 random bytes", e);
        }
    }

    public static MasterKey generate() {
        return new MasterKey(RandomTokens.bytes(AesGcm.KEY_BYTES));
    }

    public String id() {
        return id;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    byte[] bytes() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
