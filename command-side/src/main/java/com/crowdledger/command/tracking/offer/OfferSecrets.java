package com.crowdledger.command.tracking.offer;

import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.RandomTokens;

/**
 * An offer's postback secret: 64 hex characters (256 random bits), shown to the advertiser at creation and rotation
 * only. Being random, it is safely stored as its SHA-256 (argon2 would cost every postback tens of milliseconds and
 * add nothing: nobody can guess a 256-bit value from its hash).
 */
public final class OfferSecrets {
    private OfferSecrets() {
    }

    public static String generate() {
        return RandomTokens.hex(32);
    }

    public static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }

    /** Compares the presented secret's hash with a stored one in constant time. */
    static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null && Digests.constantTimeEquals(hash(presented), storedHash);
    }
}
