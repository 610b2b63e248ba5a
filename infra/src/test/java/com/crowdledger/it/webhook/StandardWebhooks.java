package com.crowdledger.it.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of the Standard Webhooks scheme, written from the specification alone (not from the platform's
 * code): the key is the base64-decoded part of the secret after {@code whsec_}; the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; {@code webhook-signature} is a space-separated list of
 * {@code v1,<base64 HMAC-SHA256>}, any of which may match; a timestamp more than five minutes off is refused.
 */
final class StandardWebhooks {
    private static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooks() {
    }

    static boolean verify(String secret, WebhookReceiver.Received request) {
        return verify(secret, request.header("webhook-id"), request.header("webhook-timestamp"), request.body(),
                request.header("webhook-signature"));
    }

    static boolean verify(String secret, String id, String timestamp, String body, String signatures) {
        if (id == null || timestamp == null || signatures == null || !secret.startsWith("whsec_")) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                id + "." + timestamp + "." + body);
        for (String signature : signatures.split(" ")) {
            String[] versioned = signature.split(",", 2);
            if (versioned.length == 2 && versioned[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
