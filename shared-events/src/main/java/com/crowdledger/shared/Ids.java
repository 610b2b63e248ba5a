package com.crowdledger.shared;

import java.security.SecureRandom;

/** Prefixed, opaque ids ("acct_4fJ9...") made of random base62. */
public final class Ids {
    public static final String ACCOUNT = "acct_";
    public static final String API_KEY = "key_";

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 22; // about 131 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** An id of the wrong kind names nothing: callers answer 404 before touching storage. */
    public static boolean hasPrefix(String id, String prefix) {
        return id != null && id.startsWith(prefix) && id.length() > prefix.length();
    }

    public static String next(String prefix) {
        // One draw from the (synchronized) SecureRandom per id, not one per character: ids are made on every
        // request. Six bits per byte, values 62 and 63 rejected, keeps the characters uniform.
        char[] chars = new char[RANDOM_CHARS];
        byte[] random = new byte[RANDOM_CHARS * 2];
        int filled = 0;
        while (filled < chars.length) {
            RANDOM.nextBytes(random);
            for (int i = 0; i < random.length && filled < chars.length; i++) {
                int sixBits = random[i] & 0x3f;
                if (sixBits < BASE62.length) {
                    chars[filled++] = BASE62[sixBits];
                }
            }
        }
        return prefix + new String(chars);
    }
}
