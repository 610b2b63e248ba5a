package com.crowdledger.command.webhook;

import com.crowdledger.shared.crypto.RandomTokens;
import com.crowdledger.shared.crypto.SecretVault;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Signing secrets in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes, those bytes being
 * the HMAC key. Only the vault keeps them (purpose {@value #PURPOSE}); the secret is shown once, when it is made.
 */
@Component
class WebhookSigningSecrets {
    static final String PURPOSE = "webhook-signing";
    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final SecretVault vault;

    WebhookSigningSecrets(SecretVault vault) {
        this.vault = vault;
    }

    /** A new secret, stored (in the caller's transaction). */
    Issued issue() {
        byte[] key = RandomTokens.bytes(KEY_BYTES);
        return new Issued(vault.store(PURPOSE, key), PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** @param reference the vault's {@code sec_...}, for events and read models; {@code secret} for the caller, once */
    record Issued(String reference, String secret) {
    }
}
