package com.crowdledger.shared.crypto;

import java.security.DrbgParameters;
import java.security.DrbgParameters.Capability;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The platform's one source of randomness: ids, API keys, tokens, salts, IVs and data keys all come from here.
 * Each thread draws from a generator of its own (DRBG, NIST SP 800-90A, seeded by the system): the default
 * generator is one lock for the whole JVM, and every request draws its id from it, so requests queued on it (up to
 * 28 ms behind a descheduled holder in a JFR profile at half the postback load). Each method draws once for
 * everything it returns.
 */
public final class RandomTokens {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomTokens::generator);
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private RandomTokens() {
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.get().nextBytes(bytes);
        return bytes;
    }

    /** {@code bytes} random bytes as lower-case hex (two characters per byte). */
    public static String hex(int bytes) {
        return HexFormat.of().formatHex(bytes(bytes));
    }

    /** 256 random bits, base64url without padding: for tokens a person never types (e-mail links, sessions). */
    public static String urlSafe() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /** A uniform number in [0, 1) (53 random bits): for jitter, never for secrets. */
    public static double fraction() {
        long bits = 0;
        for (byte b : bytes(7)) {
            bits = (bits << 8) | (b & 0xff);
        }
        return (bits >>> 3) * 0x1.0p-53;
    }

    /** {@code length} uniform base62 characters (about 5.95 bits each). */
    public static String base62(int length) {
        // Six bits per byte with 62 and 63 rejected keeps the characters uniform; twice the bytes needed leaves
        // room for rejections, and a rare shortfall draws again.
        char[] chars = new char[length];
        int filled = 0;
        while (filled < length) {
            byte[] random = bytes(length * 2);
            for (int i = 0; i < random.length && filled < length; i++) {
                int sixBits = random[i] & 0x3f;
                if (sixBits < BASE62.length) {
                    chars[filled++] = BASE62[sixBits];
                }
            }
        }
        return new String(chars);
    }

    /** DRBG at 256 bits of strength (it makes AES-256 keys); the JVM's default where a provider lacks DRBG. */
    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG", DrbgParameters.instantiation(256, Capability.NONE, null));
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
