package com.crowdledger.infra.auth;

import com.crowdledger.command.apikey.ApiKeyFormat;
import com.crowdledger.command.secret.SecretHashing;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.query.apikey.ApiKeyUsage;
import com.crowdledger.query.apikey.ApiKeyView;
import com.crowdledger.query.apikey.ApiKeyViewRepository;
import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Turns a presented key into an {@link AuthenticatedKey}. argon2id runs once per key: the verified result is
 * cached under the key's SHA-256 (a fast hash that is safe for 128-bit random keys), so further requests cost a
 * hash and a map lookup. Revocation, expiry, scope changes and verification take effect on the next request:
 * expiry is checked on every request, and every change to a key or account evicts it (see
 * {@link AuthCacheInvalidation}).
 *
 * <p>Refusals are made as cheap as acceptances: a key that matched nothing is remembered (a bounded negative cache,
 * so a repeated wrong key costs neither a query nor argon2), and argon2 runs only inside the {@link Argon2Gate}.
 * The caller charges the client's address before {@link #verify} (see {@link Authentication}).
 */
@Component
class ApiKeyAuthenticator {
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);
    private static final Duration REFUSED_TTL = Duration.ofMinutes(10);

    private final ApiKeyFormat format;
    private final SecretHashing hashing;
    private final Argon2Gate argon2;
    private final ApiKeyViewRepository keys;
    private final AccountViewRepository accounts;
    private final ApiKeyUsage usage;
    private final Cache<String, AuthenticatedKey> verified;
    /**
     * Fingerprints of well-formed keys that matched no stored key. Keys are 128-bit random, so a fingerprint that
     * matched nothing will not match a key issued later; the bound keeps a flood of distinct guesses from using
     * up memory (those are paid for by the guessers' address limits instead).
     */
    private final Cache<String, Boolean> refused;
    /** Bumped by every eviction: a load that raced an eviction does not cache what it read. */
    private final AtomicLong evictions = new AtomicLong();
    private final Counter argon2Verifications;

    ApiKeyAuthenticator(ApiKeyFormat format, SecretHashing hashing, Argon2Gate argon2, ApiKeyViewRepository keys,
                        AccountViewRepository accounts, ApiKeyUsage usage, MeterRegistry meters) {
        this.format = format;
        this.hashing = hashing;
        this.argon2 = argon2;
        this.keys = keys;
        this.accounts = accounts;
        this.usage = usage;
        this.verified = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(CACHE_TTL) // a backstop only: changes evict at once
                .recordStats()
                .build();
        this.refused = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(REFUSED_TTL)
                .build();
        CaffeineCacheMetrics.monitor(meters, verified, "api-keys");
        this.argon2Verifications = Counter.builder("crowdledger.auth.argon2.verifications")
                .description("argon2id verifications of presented API keys (cache misses that matched a prefix)")
                .register(meters);
    }

    /** The key as this node verified it before (usable or not), or null: then {@link #verify} decides. */
    AuthenticatedKey cached(String presented) {
        return verified.getIfPresent(Digests.sha256Hex(presented));
    }

    /** Looks the key up and checks it with argon2id; 401 for anything that is not a stored key. */
    AuthenticatedKey verify(String presented) {
        if (format.modeOf(presented).isEmpty()) {
            throw invalid();
        }
        String fingerprint = Digests.sha256Hex(presented);
        if (refused.getIfPresent(fingerprint) != null) {
            throw invalid();
        }
        long evictionsBefore = evictions.get();
        List<ApiKeyView> candidates = keys.findByPrefix(format.displayPrefix(presented));
        AuthenticatedKey key = candidates.isEmpty() ? null : argon2.run(() -> {
            // requests with one key queue here together: the first one's answer serves those behind it
            AuthenticatedKey known = verified.getIfPresent(fingerprint);
            return known != null || refused.getIfPresent(fingerprint) != null ? known : matching(candidates, presented);
        });
        if (key == null) {
            refused.put(fingerprint, Boolean.TRUE);
            throw invalid();
        }
        if (evictions.get() == evictionsBefore) {
            verified.put(fingerprint, key);
        }
        return key;
    }

    void recordUse(AuthenticatedKey key, Instant at) {
        usage.recordUse(key.keyId(), at);
    }

    void evictAccount(String accountId) {
        evictions.incrementAndGet();
        verified.asMap().values().removeIf(key -> key.account().id().equals(accountId));
    }

    void evictAll() {
        evictions.incrementAndGet();
        verified.invalidateAll();
    }

    /** The candidate whose hash the presented key matches, with its account; null if none. In an argon2 slot. */
    private AuthenticatedKey matching(List<ApiKeyView> candidates, String presented) {
        for (ApiKeyView candidate : candidates) {
            argon2Verifications.increment();
            if (hashing.verify(candidate.secretHash(), presented)) {
                return accounts.findById(candidate.accountId())
                        .map(account -> AuthenticatedKey.of(candidate, account))
                        .orElseThrow(ApiKeyAuthenticator::invalid);
            }
        }
        return null;
    }

    static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_API_KEY, "The API key is missing, unknown, revoked or expired");
    }
}
