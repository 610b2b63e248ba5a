package com.crowdledger.shared.crypto;

/**
 * Where tenants' secrets that must be read back live (webhook signing secrets, partner postback credentials):
 * sealed by {@link SecretBox} in a table of their own, written in the caller's transaction. Events and read models
 * carry only the reference, so no secret is ever in the event store, and a master-key rotation can re-wrap every
 * stored secret. Implemented in infra.
 */
public interface SecretVault {
    /** Stores the secret and returns its reference ({@code sec_...}). */
    String store(String purpose, byte[] secret);

    /** @throws IllegalArgumentException for an unknown reference */
    byte[] open(String reference);
}
