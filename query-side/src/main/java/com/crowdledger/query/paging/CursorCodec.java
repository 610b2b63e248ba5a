package com.crowdledger.query.paging;

import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.error.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Turns a {@link Position} into the opaque {@code cursor} of the API and back.
 *
 * <p>Layout before base64url (no padding): {@code version(1) | epochSecond(8) | nano(4) | id (UTF-8) | HMAC-SHA256
 * of everything before it (32)}. The MAC makes the cursor tamper-evident: a client cannot edit a position, and any
 * changed, cut or invented cursor is answered 422 rather than paged from an arbitrary place (or failing with a 500).
 * The cursor is not encrypted: it carries the id and creation time of the last item of a page the holder has seen.
 */
public final class CursorCodec {
    public static final String FIELD = "cursor";
    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 32;
    private static final int HEADER_BYTES = 1 + Long.BYTES + Integer.BYTES;
    /** Far longer than any cursor this codec writes; longer input is refused before any work is done on it. */
    private static final int MAX_CURSOR_CHARS = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> key;

    /** @param key the HMAC key; asked for on every use (the supplier is expected to cache it) */
    public CursorCodec(Supplier<byte[]> key) {
        this.key = key;
    }

    public String encode(Position position) {
        byte[] id = position.id().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(HEADER_BYTES + id.length)
                .put(VERSION)
                .putLong(position.createdAt().getEpochSecond())
                .putInt(position.createdAt().getNano())
                .put(id);
        byte[] body = payload.array();
        byte[] mac = mac(body);
        byte[] cursor = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac, 0, cursor, body.length, MAC_BYTES);
        return ENCODER.encodeToString(cursor);
    }

    /** @throws DomainException VALIDATION_ERROR on field {@code cursor} for anything this codec did not write */
    public Position decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // base64 has several spellings of the same bytes (the unused bits of the last character): only ours counts
        if (bytes.length < HEADER_BYTES + MAC_BYTES || !ENCODER.encodeToString(bytes).equals(cursor)) {
            throw invalid();
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, body.length, bytes.length);
        if (!Digests.constantTimeEquals(mac, mac(body))) {
            throw invalid();
        }
        ByteBuffer payload = ByteBuffer.wrap(body);
        if (payload.get() != VERSION) {
            throw invalid();
        }
        long epochSecond = payload.getLong();
        int nano = payload.getInt();
        try {
            String id = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(payload).toString();
            if (nano < 0 || nano > 999_999_999 || id.isEmpty()) {
                throw invalid();
            }
            return new Position(Instant.ofEpochSecond(epochSecond, nano), id);
        } catch (CharacterCodingException | DateTimeException e) {
            throw invalid();
        }
    }

    private byte[] mac(byte[] body) {
        return Digests.hmacSha256(key.get(), body);
    }

    private static DomainException invalid() {
        return DomainException.invalid(FIELD, "is not valid; pass meta.cursor of the previous page unchanged");
    }
}
