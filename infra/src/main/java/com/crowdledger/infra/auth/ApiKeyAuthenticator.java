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
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Turns a presented key into an {@link AuthenticatedKey}. argon2id runs once per key: the verified result is
 * cached under the key's SHA-256 (a fast hash that is safe for 128-bit random keys), so further requests cost a
 * hash and a map lookup. Revocation, expiry, scope changes and verification take effect on the next request:
 * expiry is checked on every request, and every change to a key or account evicts it (see
 * {@link AuthCacheInvalidation}).
 *
 * <p>Refusals are made as cheap as acceptances: a key that matched nothing is remembered (a bounded negative cache,
 * so a repeated wrong key costs neither a query nor argon2), and argon2 runs in its own lane of {@link SecretHashing}
 * (logins cannot take its slots). The caller charges the client's address before {@link #verify} (see
 * {@link Authentication}).
 *
 * <p>argon2 proves once that a key matches its stored hash; that proof is kept ({@code proven}, for a day after its
 * last use) apart from the key's state, so the state's periodic reload and every eviction cost a query, not argon2
 * again. Requests that present one unproven key at once share one verification.
 */
@Component
class ApiKeyAuthenticator {
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);
    private static final Duration REFUSED_TTL = Duration.ofMinutes(10);
    private static final Duration PROOF_TTL = Duration.ofDays(1);

    private final ApiKeyFormat format;
    private final SecretHashing hashing;
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
    /** Fingerprint → the stored hash argon2 found it matches. Not evicted by changes: a key's hash never changes. */
    private final Cache<String, String> proven;
    /** Verifications under way, by fingerprint: concurrent requests with one new key wait for the same one. */
    private final Map<String, CompletableFuture<AuthenticatedKey>> verifying = new ConcurrentHashMap<>();
    /** Bumped by every eviction: a load that raced an eviction does not cache what it read. */
    private final AtomicLong evictions = new AtomicLong();
    private final Counter argon2Verifications;

    ApiKeyAuthenticator(ApiKeyFormat format, SecretHashing hashing, ApiKeyViewRepository keys,
                        AccountViewRepository accounts, ApiKeyUsage usage, MeterRegistry meters) {
        this.format = format;
        this.hashing = hashing;
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
        this.proven = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(PROOF_TTL)
                .build();
        for (SecretHashing.Lane lane : SecretHashing.Lane.values()) {
            FunctionCounter.builder("crowdledger.auth.argon2.busy", hashing, h -> h.refusals(lane))
                    .tag("lane", lane.name().toLowerCase(Locale.ROOT))
                    .description("argon2id runs refused with 503 because every slot of the lane stayed busy")
                    .register(meters);
        }
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
        AuthenticatedKey key = shared(fingerprint, () -> matching(presented, fingerprint));
        if (key == null) {
            refused.put(fingerprint, Boolean.TRUE);
            throw invalid();
        }
        if (evictions.get() == evictionsBefore) {
            verified.put(fingerprint, key);
        }
        return key;
    }

    /** Runs the verification of a key once for all the requests presenting it at this moment. */
    private AuthenticatedKey shared(String fingerprint, Supplier<AuthenticatedKey> verification) {
        CompletableFuture<AuthenticatedKey> mine = new CompletableFuture<>();
        CompletableFuture<AuthenticatedKey> running = verifying.putIfAbsent(fingerprint, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            AuthenticatedKey key = verification.get();
            mine.complete(key);
            return key;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            verifying.remove(fingerprint, mine);
        }
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

    /** The stored key the presented one is, with its account; null if none. argon2 only for an unproven match. */
    private AuthenticatedKey matching(String presented, String fingerprint) {
        List<ApiKeyView> candidates = keys.findByPrefix(format.displayPrefix(presented));
        String provenHash = proven.getIfPresent(fingerprint);
        for (ApiKeyView candidate : candidates) {
            if (!candidate.secretHash().equals(provenHash)) {
                argon2Verifications.increment();
                if (!hashing.verify(SecretHashing.Lane.PRESENTED_KEYS, candidate.secretHash(), presented)) {
                    continue;
                }
                proven.put(fingerprint, candidate.secretHash());
            }
            return accounts.findById(candidate.accountId())
                    .map(account -> AuthenticatedKey.of(candidate, account))
                    .orElseThrow(ApiKeyAuthenticator::invalid);
        }
        return null;
    }

    static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_API_KEY, "The API key is missing, unknown, revoked or expired");
    }
}
