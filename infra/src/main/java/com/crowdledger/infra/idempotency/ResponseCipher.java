package com.crowdledger.infra.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts stored responses with AES-256-GCM under a key derived from the client's Idempotency-Key, which is never
 * stored: a database dump alone cannot read a replayable response (which may hold a newly issued API key).
 */
final class ResponseCipher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private ResponseCipher() {
    }

    static byte[] encrypt(String scope, String idempotencyKey, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(scope, idempotencyKey), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    static byte[] decrypt(String scope, String idempotencyKey, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(scope, idempotencyKey),
                    new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored idempotent response could not be decrypted", e);
        }
    }

    private static SecretKeySpec key(String scope, String idempotencyKey) throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // domain-separated from the lookup hash, so the stored key_hash does not give the cipher key
        byte[] key = sha256.digest(("crowdledger idempotent response\n" + scope + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(key, "AES");
    }
}
