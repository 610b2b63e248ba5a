package com.crowdledger.shared.crypto;

/**
 * Random keys of the platform itself (not of a tenant), the same on every node and across restarts: the HMAC key of
 * list cursors, of client-address fingerprints, and so on. One 32-byte secret per name, created on first use.
 * Implemented in infra (stored sealed under the master key).
 */
public interface PlatformSecrets {
    byte[] get(String name);
}
