package com.crowdledger.shared.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit IV per message; the output is {@code iv | ciphertext | tag}. The associated data
 * binds a ciphertext to where it belongs (its purpose, its row): moved elsewhere, it no longer opens.
 */
public final class AesGcm {
    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private AesGcm() {
    }

    public static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
        try {
            byte[] iv = RandomTokens.bytes(IV_BYTES);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv), associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws TamperedException when the key, the associated data or a single bit of the input is wrong */
    public static byte[] open(byte[] key, byte[] sealed, byte[] associatedData) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new TamperedException();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES),
                    associatedData);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, GCMParameterSpec spec, byte[] associatedData)
            throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a " + KEY_BYTES + "-byte key");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), spec);
        if (associatedData != null) {
            cipher.updateAAD(associatedData);
        }
        return cipher;
    }

    /** A ciphertext that does not open: wrong key, wrong associated data, or changed bytes. */
    public static final class TamperedException extends RuntimeException {
        TamperedException() {
            super("The sealed value does not open with this key and context", null, false, false);
        }
    }
}
