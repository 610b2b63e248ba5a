package com.crowdledger.infra.auth;

import com.crowdledger.command.apikey.ApiKeyFormat;
import com.crowdledger.command.secret.SecretHashing;
import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.query.apikey.ApiKeyUsage;
import com.crowdledger.query.apikey.ApiKeyView;
import com.crowdledger.query.apikey.ApiKeyViewRepository;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Turns a presented key into an {@link AuthenticatedKey}. argon2id runs once per key: the verified result is
 * cached under the key's SHA-256 (a fast hash that is safe for 128-bit random keys), so further requests cost a
 * hash and a map lookup. Revocation, expiry, scope changes and verification take effect on the next request:
 * expiry is checked on every request, and every change to a key or account evicts it (see
 * {@link AuthCacheInvalidation}).
 */
@Component
class ApiKeyAuthenticator {
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);

    private final ApiKeyFormat format;
    private final SecretHashing hashing;
    private final ApiKeyViewRepository keys;
    private final AccountViewRepository accounts;
    private final ApiKeyUsage usage;
    private final Cache<String, AuthenticatedKey> verified;
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
        CaffeineCacheMetrics.monitor(meters, verified, "api-keys");
        this.argon2Verifications = Counter.builder("crowdledger.auth.argon2.verifications")
                .description("argon2id verifications of presented API keys (cache misses that matched a prefix)")
                .register(meters);
    }

    AuthenticatedKey authenticate(String presented) {
        if (format.modeOf(presented).isEmpty()) {
            throw invalid();
        }
        String fingerprint = Digests.sha256Hex(presented);
        AuthenticatedKey key = verified.getIfPresent(fingerprint);
        if (key == null) {
            long evictionsBefore = evictions.get();
            key = verify(presented).orElseThrow(ApiKeyAuthenticator::invalid);
            if (evictions.get() == evictionsBefore) {
                verified.put(fingerprint, key);
            }
        }
        Instant now = Instant.now();
        if (key.revoked() || key.expiredAt(now)) {
            throw invalid();
        }
        if (!key.account().emailVerified()) {
            throw new DomainException(ErrorCode.EMAIL_NOT_VERIFIED,
                    "Verify the account's e-mail address before using its keys");
        }
        usage.recordUse(key.keyId(), now);
        return key;
    }

    void evictAccount(String accountId) {
        evictions.incrementAndGet();
        verified.asMap().values().removeIf(key -> key.account().id().equals(accountId));
    }

    void evictAll() {
        evictions.incrementAndGet();
        verified.invalidateAll();
    }

    private Optional<AuthenticatedKey> verify(String presented) {
        for (ApiKeyView candidate : keys.findByPrefix(format.displayPrefix(presented))) {
            argon2Verifications.increment();
            if (hashing.verify(candidate.secretHash(), presented)) {
                return accounts.findById(candidate.accountId()).map(account -> AuthenticatedKey.of(candidate, account));
            }
        }
        return Optional.empty();
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_API_KEY, "The API key is missing, unknown, revoked or expired");
    }
}
