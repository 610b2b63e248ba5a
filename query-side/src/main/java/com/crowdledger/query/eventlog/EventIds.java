package com.crowdledger.query.eventlog;

import com.crowdledger.shared.Ids;
import com.crowdledger.shared.crypto.Digests;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The public id of a stored event ({@code evt_...}): the same in the event log, in a webhook's {@code webhook-id}
 * and body, and across every retry. It is derived from the event store's own identifier (a UUID), so each consumer
 * computes it alone and a rebuilt event log gets the same ids: the first 128 bits of its SHA-256, in 22 base62
 * characters, the shape of every other id.
 */
public final class EventIds {
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final BigInteger RADIX = BigInteger.valueOf(62);
    private static final int LENGTH = 22;

    private EventIds() {
    }

    public static String of(String eventIdentifier) {
        byte[] digest = Digests.sha256(eventIdentifier.getBytes(StandardCharsets.UTF_8));
        BigInteger value = new BigInteger(1, Arrays.copyOf(digest, 16));
        char[] chars = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            BigInteger[] division = value.divideAndRemainder(RADIX);
            chars[i] = BASE62[division[1].intValue()];
            value = division[0];
        }
        return Ids.EVENT + new String(chars);
    }
}
