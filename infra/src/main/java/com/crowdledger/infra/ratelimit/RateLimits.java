package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.ratelimit.RateLimitSettings.Limits;
import com.crowdledger.infra.web.TrustedProxies;
import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
    private static final String PUBLIC = "public";
    /** Longer path values are hashed into the bucket's key. */
    private static final int MAX_KEY_VALUES_LENGTH = 200;

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final TrustedProxies proxies;
    /** Registered once: looking a counter up in the registry on every 429 showed in profiles of refusal floods. */
    private final Map<String, Counter> rejections;
    private final AddressMinuteCap addressCap = new AddressMinuteCap();

    RateLimits(RateLimiter limiter, RateLimitSettings settings, MeterRegistry meters, TrustedProxies proxies) {
        this.limiter = limiter;
        this.settings = settings;
        this.proxies = proxies;
        this.rejections = Map.of(KEY, rejections(meters, KEY), ADDRESS, rejections(meters, ADDRESS),
                LOGIN, rejections(meters, LOGIN), PUBLIC, rejections(meters, PUBLIC));
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
        apply(addressBucket(request), settings.anonymous(), response, ADDRESS);
    }

    /**
     * A request to a public endpoint with a limit group of its own: per value of the route's path variables (an offer
     * of a brand, say), not per address. An address this node has seen use up its refusals of this group (see
     * {@link #chargeRefusal}) is refused first, without drawing anything, and so is one that took its share of the
     * target this minute ({@link AddressMinuteCap}).
     */
    public void forPublicGroup(String group, Map<String, String> pathVariables, HttpServletRequest request,
                               HttpServletResponse response) {
        if (!settings.enabled()) {
            return;
        }
        RateLimiter.Decision addressRefused = limiter.knownRefusal(refusalBucket(group, request),
                settings.anonymous());
        if (addressRefused != null) {
            refuse(addressRefused, response, ADDRESS);
        }
        String target = groupBucket(group, pathVariables);
        Long cap = settings.perAddressMinute(group);
        long now = System.currentTimeMillis();
        if (cap != null && !addressCap.admit(target + "|" + proxies.clientNetwork(request), cap, now)) {
            long reset = AddressMinuteCap.minuteEndEpochSeconds(now);
            answer(new RateLimiter.Decision(false, cap, 0, reset, Math.max(1, reset - now / 1000)), response,
                    ADDRESS);
        }
        apply(target, settings.forPublicGroup(group), response, PUBLIC);
    }

    /**
     * A public endpoint with a limit group refused a request: the client's address pays a token of its refusals of
     * this group (the anonymous limits, in a bucket of their own, so that failed logins on an address do not stop
     * its clicks, nor refused clicks its postbacks), while the accepted requests of a busy address never touch it.
     * Once they are used up, its requests to the group are refused before any work. The group's token is given back.
     */
    public void chargeRefusal(String group, Map<String, String> pathVariables, HttpServletRequest request) {
        if (settings.enabled()) {
            limiter.consume(refusalBucket(group, request), settings.anonymous());
            limiter.giveBack(groupBucket(group, pathVariables), settings.forPublicGroup(group));
        }
    }

    private static String groupBucket(String group, Map<String, String> pathVariables) {
        return "public:" + group + ":" + valuesKey(pathVariables);
    }

    private String refusalBucket(String group, HttpServletRequest request) {
        return "refused:" + group + ":" + proxies.clientNetwork(request);
    }

    private String addressBucket(HttpServletRequest request) {
        return "ip:" + proxies.clientNetwork(request);
    }

    /** The path variables' values in the order of their names; long ones hashed, so a bucket key stays short. */
    private static String valuesKey(Map<String, String> pathVariables) {
        String values = new TreeMap<>(pathVariables).values().stream().collect(Collectors.joining("/"));
        return values.length() <= MAX_KEY_VALUES_LENGTH ? values : Digests.sha256Hex(values);
    }

    /**
     * One login attempt on {@code email} (normalized), counted as a failure before the password is checked, so that
     * concurrent guesses cannot overrun a limit; {@link LoginAttempt#giveBack()} returns the tokens when it succeeds,
     * so only failures count. A client holding this e-mail's device cookie ({@code device}, else null) draws from its
     * own bucket only; any other client from the bucket of the e-mail and its address, and from the e-mail's bucket
     * shared by all such clients. Over a limit: 429 with {@code Retry-After}; the response keeps the address's
     * {@code X-RateLimit-*} headers, so nobody learns how many failures an e-mail has left.
     */
    public LoginAttempt forLogin(String email, String device, HttpServletRequest request,
                                 HttpServletResponse response) {
        List<Bucket> buckets = device != null
                ? List.of(new Bucket("login-device:" + device, settings.loginClient()))
                : List.of(new Bucket("login-client:" + email + "|" + proxies.clientNetwork(request),
                        settings.loginClient()), new Bucket("login:" + email, settings.loginTarget()));
        List<Bucket> drawn = new ArrayList<>();
        if (settings.enabled()) {
            for (Bucket bucket : buckets) {
                RateLimiter.Decision decision = limiter.consume(bucket.key(), bucket.limits());
                if (!decision.allowed()) {
                    new LoginAttempt(drawn).giveBack();
                    refuse(decision, response, LOGIN);
                }
                drawn.add(bucket);
            }
        }
        return new LoginAttempt(drawn);
    }

    private record Bucket(String key, Limits limits) {
    }

    /** The tokens one login attempt drew: spent if it fails, given back if it succeeds. */
    public final class LoginAttempt {
        private final List<Bucket> drawn;

        private LoginAttempt(List<Bucket> drawn) {
            this.drawn = drawn;
        }

        /** The attempt succeeded (or was never judged): it does not count. */
        public void giveBack() {
            drawn.forEach(bucket -> limiter.giveBack(bucket.key(), bucket.limits()));
        }
    }

    private void apply(String bucket, Limits limits, HttpServletResponse response, String kind) {
        if (!settings.enabled()) {
            return;
        }
        answer(limiter.consume(bucket, limits), response, kind);
    }

    private void answer(RateLimiter.Decision decision, HttpServletResponse response, String kind) {
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
