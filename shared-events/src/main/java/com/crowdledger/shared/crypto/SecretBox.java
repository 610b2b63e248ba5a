package com.crowdledger.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Envelope encryption for secrets the platform must read back (webhook signing secrets, partner credentials, its
 * own HMAC keys). Each value gets a fresh data key; the data key is wrapped by the current {@link MasterKey}:
 *
 * <pre>  sb1.&lt;master key id&gt;.&lt;wrapped data key&gt;.&lt;sealed value&gt;   (base64url parts)</pre>
 *
 * Both layers are AES-256-GCM. The value is bound to a {@code context} (what it is and whose, e.g.
 * {@code "webhook-secret:whk_123"}): opened under another context, it fails. Rotation: make the new key current and
 * keep the old one as retired; values sealed under the old key still open, and {@link #rewrap} moves a value to the
 * current key by re-wrapping its data key only. Once nothing names the old key, it can be dropped.
 */
public final class SecretBox {
    private static final String VERSION = "sb1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final MasterKey current;
    private final Map<String, MasterKey> keys = new LinkedHashMap<>();

    public SecretBox(MasterKey current, List<MasterKey> retired) {
        this.current = current;
        keys.put(current.id(), current);
        retired.forEach(key -> keys.putIfAbsent(key.id(), key));
    }

    public MasterKey currentKey() {
        return current;
    }

    public String seal(byte[] secret, String context) {
        byte[] dataKey = RandomTokens.bytes(AesGcm.KEY_BYTES);
        byte[] value = AesGcm.seal(dataKey, secret, bytes(context));
        return VERSION + "." + current.id() + "." + ENCODER.encodeToString(wrap(current, dataKey)) + "."
                + ENCODER.encodeToString(value);
    }

    public String seal(String secret, String context) {
        return seal(bytes(secret), context);
    }

    /** @throws AesGcm.TamperedException for a value that is not one of ours, is changed, or has another context */
    public byte[] open(String sealed, String context) {
        Parts parts = Parts.parse(sealed);
        return AesGcm.open(unwrap(parts), parts.value(), bytes(context));
    }

    public String openString(String sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /** True when the value's data key is wrapped by the current master key. */
    public boolean isCurrent(String sealed) {
        return Parts.parse(sealed).keyId().equals(current.id());
    }

    /** The same value with its data key wrapped by the current master key (the sealed value itself is unchanged). */
    public String rewrap(String sealed) {
        Parts parts = Parts.parse(sealed);
        return VERSION + "." + current.id() + "." + ENCODER.encodeToString(wrap(current, unwrap(parts))) + "."
                + ENCODER.encodeToString(parts.value());
    }

    private byte[] unwrap(Parts parts) {
        MasterKey key = keys.get(parts.keyId());
        if (key == null) {
            throw new IllegalStateException("Master key " + parts.keyId() + " is not configured: it sealed a value "
                    + "that is still stored. Add it back as a retired key.");
        }
        return AesGcm.open(key.bytes(), parts.wrappedKey(), bytes(VERSION + "|" + key.id()));
    }

    private static byte[] wrap(MasterKey key, byte[] dataKey) {
        return AesGcm.seal(key.bytes(), dataKey, bytes(VERSION + "|" + key.id()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Parts(String keyId, byte[] wrappedKey, byte[] value) {
        static Parts parse(String sealed) {
            String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new AesGcm.TamperedException();
            }
            try {
                return new Parts(parts[1], DECODER.decode(parts[2]), DECODER.decode(parts[3]));
            } catch (IllegalArgumentException e) {
                throw new AesGcm.TamperedException();
            }
        }
    }
}
