package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.ratelimit.RateLimitSettings.Limits;
import com.crowdledger.infra.web.TrustedProxies;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which bucket a request draws from, and what the client is told: {@code X-RateLimit-Limit}, {@code -Remaining}
 * and {@code -Reset} (unix seconds) for the tightest window on every limited response; over a limit, 429
 * {@code RATE_LIMITED} with {@code Retry-After} (whole seconds), before any work is done.
 */
@Component
public class RateLimits {
    private static final String KEY = "key";
    private static final String ADDRESS = "address";
    private static final String LOGIN = "login";

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final TrustedProxies proxies;
    /** Registered once: looking a counter up in the registry on every 429 showed in profiles of refusal floods. */
    private final Map<String, Counter> rejections;

    RateLimits(RateLimiter limiter, RateLimitSettings settings, MeterRegistry meters, TrustedProxies proxies) {
        this.limiter = limiter;
        this.settings = settings;
        this.proxies = proxies;
        this.rejections = Map.of(KEY, rejections(meters, KEY), ADDRESS, rejections(meters, ADDRESS),
                LOGIN, rejections(meters, LOGIN));
    }

    /** An authenticated request: per key, or per account for a dashboard session. */
    public void forCaller(Caller caller, HttpServletResponse response) {
        String bucket = caller.isDashboardSession() ? "session:" + caller.accountId() : "key:" + caller.keyId();
        apply(bucket, settings.forAccount(caller.accountId()), response, KEY);
    }

    /**
     * A request without a key (registration, login...), or one whose key is refused or not yet verified on this node:
     * per client network (an IPv4 address, an IPv6 /64).
     */
    public void forClientAddress(HttpServletRequest request, HttpServletResponse response) {
        apply("ip:" + proxies.clientNetwork(request), settings.anonymous(), response, ADDRESS);
    }

    /** Login attempts per e-mail address, whatever address they come from: against password guessing. */
    public void forLoginTarget(String email, HttpServletResponse response) {
        apply("login:" + email.strip().toLowerCase(Locale.ROOT), settings.loginTarget(), response, LOGIN);
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
            refuse(decision, response, kind);
        }
    }

    private void refuse(RateLimiter.Decision decision, HttpServletResponse response, String kind) {
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        rejections.get(kind).increment();
        throw new DomainException(ErrorCode.RATE_LIMITED,
                "Rate limit reached; retry in " + decision.retryAfterSeconds() + " s");
    }

    private static Counter rejections(MeterRegistry meters, String kind) {
        return Counter.builder("crowdledger.ratelimit.rejections").tag("bucket", kind)
                .description("requests answered 429, by the kind of bucket that was empty")
                .register(meters);
    }
}
