package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.ratelimit.RateLimitSettings.Limits;
import com.crowdledger.infra.web.TrustedProxies;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which bucket a request draws from, and what the client is told: {@code X-RateLimit-Limit}, {@code -Remaining}
 * and {@code -Reset} (unix seconds) for the tightest window on every limited response; over a limit, 429
 * {@code RATE_LIMITED} with {@code Retry-After} (whole seconds), before any work is done.
 */
@Component
public class RateLimits {
    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final MeterRegistry meters;
    private final TrustedProxies proxies;

    RateLimits(RateLimiter limiter, RateLimitSettings settings, MeterRegistry meters, TrustedProxies proxies) {
        this.limiter = limiter;
        this.settings = settings;
        this.meters = meters;
        this.proxies = proxies;
    }

    /** An authenticated request: per key, or per account for a dashboard session. */
    public void forCaller(Caller caller, HttpServletResponse response) {
        String bucket = caller.isDashboardSession() ? "session:" + caller.accountId() : "key:" + caller.keyId();
        apply(bucket, settings.forAccount(caller.accountId()), response, "key");
    }

    /** A request without a key (registration, login...), or one whose key failed: per client (IPv4, IPv6 /64). */
    public void forClientAddress(HttpServletRequest request, HttpServletResponse response) {
        apply("ip:" + proxies.clientNetwork(request), settings.anonymous(), response, "address");
    }

    /** Login attempts per e-mail address, whatever address they come from: against password guessing. */
    public void forLoginTarget(String email, HttpServletResponse response) {
        apply("login:" + email.strip().toLowerCase(Locale.ROOT), settings.loginTarget(), response, "login");
    }

    private void apply(String bucket, Limits limits, HttpServletResponse response, String kind) {
        if (!settings.enabled()) {
            return;
        }
        RateLimiter.Decision decision = limiter.consume(bucket, limits);
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            meters.counter("crowdledger.ratelimit.rejections", "bucket", kind).increment();
            throw new DomainException(ErrorCode.RATE_LIMITED,
                    "Rate limit reached; retry in " + decision.retryAfterSeconds() + " s");
        }
    }
}
