package com.crowdledger.query.webhook;

import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.SecretVault;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Standard Webhooks signatures: {@code v1,} and the base64 of HMAC-SHA256, keyed by the secret's bytes (what follows
 * {@code whsec_}), of {@code <webhook-id>.<webhook-timestamp>.<body>}. While a rotated-out secret still signs, the
 * header carries both signatures, the current one first, separated by a space.
 *
 * <p>Secrets are read from the vault once and then kept in memory (a reference always names the same secret): a
 * delivery costs no database round trip and no decryption for its signature.
 */
@Component
class WebhookSignatures {
    private static final int CACHED_SECRETS = 4096;

    private final SecretVault vault;
    private final Map<String, byte[]> keys = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_SECRETS;
        }
    });

    WebhookSignatures(SecretVault vault) {
        this.vault = vault;
    }

    /** The {@code webhook-signature} header of a delivery of {@code body} to the endpoint, signed at {@code now}. */
    String header(WebhookEndpointView endpoint, String webhookId, long timestamp, String body, Instant now) {
        String signed = webhookId + "." + timestamp + "." + body;
        String header = sign(key(endpoint.secretRef()), signed);
        if (endpoint.previousSecretSigns(now)) {
            header += " " + sign(key(endpoint.previousSecretRef()), signed);
        }
        return header;
    }

    private byte[] key(String reference) {
        return keys.computeIfAbsent(reference, vault::open);
    }

    private static String sign(byte[] key, String content) {
        return "v1," + Base64.getEncoder().encodeToString(
                Digests.hmacSha256(key, content.getBytes(StandardCharsets.UTF_8)));
    }
}
