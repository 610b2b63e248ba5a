package com.crowdledger.infra.auth;

import com.crowdledger.infra.ratelimit.RateLimits;
import com.crowdledger.infra.web.ApiHandlers;
import com.crowdledger.infra.web.RequestCaller;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.PublicEndpoint;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates and authorizes every API request before its handler runs: a Bearer key, or (where the endpoint
 * allows it) a dashboard session. The endpoint's {@link Authenticated#scope()} must be held by the caller.
 *
 * <p>What each outcome costs, and whom: a request refused before its caller is known (no, unknown, revoked or expired
 * key; no session; wrong CSRF token) draws from its client address's bucket, and a key this node has not verified
 * yet does so before any lookup or argon2 run, so an address already answered 429 costs nothing more. Once the
 * caller is known, a 403 (wrong scope, unverified e-mail) draws from the caller's own bucket like any answer it gets.
 */
@Component
class Authentication implements HandlerInterceptor {
    static final String KEY = AuthenticatedKey.class.getName();
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator keys;
    private final DashboardSessions sessions;
    private final RateLimits rateLimits;
    /** What each handler requires, worked out once: annotation lookups cost more than a cached key check. */
    private final Map<Method, Requirement> requirements = new ConcurrentHashMap<>();

    /** {@code authenticated} is null for a public endpoint or a handler that is not part of the API. */
    private record Requirement(boolean enforced, Authenticated authenticated) {
    }

    Authentication(ApiKeyAuthenticator keys, DashboardSessions sessions, RateLimits rateLimits) {
        this.keys = keys;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
    }

    static Authenticated requirement(HandlerMethod handler) {
        Authenticated onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Authenticated.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Authenticated.class);
    }

    static boolean isPublic(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an asynchronous response (a stream) comes back through here when it ends: it was checked when it began
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        Requirement required = requirements.computeIfAbsent(method.getMethod(),
                ignored -> new Requirement(ApiHandlers.isApi(method) && !isPublic(method), requirement(method)));
        if (!required.enforced()) {
            return true;
        }
        Authenticated requirement = required.authenticated();
        if (requirement == null) {
            // EndpointAnnotationCheck refuses to start with such a handler; this is the second lock
            throw new DomainException(ErrorCode.FORBIDDEN, "This endpoint is not open to any caller");
        }
        Caller caller = identify(request, response, requirement);
        RequestCaller.set(request, caller);
        try {
            authorize(request, caller, requirement);
        } catch (DomainException refused) {
            rateLimits.forCaller(caller, response); // counts like any other answer, and says where the limit stands
            throw refused;
        }
        return true;
    }

    /** Who is calling; a refusal draws from the client address's bucket (guessing costs the guesser). */
    private Caller identify(HttpServletRequest request, HttpServletResponse response, Authenticated requirement) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return keyCaller(authorization.substring(BEARER.length()).strip(), request, response);
        }
        Caller session;
        try {
            session = requirement.dashboard() ? sessions.authenticate(request).orElse(null) : null;
        } catch (DomainException refused) { // a wrong CSRF token, an unverified account
            rateLimits.forClientAddress(request, response);
            throw refused;
        }
        if (session == null) {
            rateLimits.forClientAddress(request, response);
            throw missing();
        }
        return session;
    }

    private Caller keyCaller(String presented, HttpServletRequest request, HttpServletResponse response) {
        Instant now = Instant.now();
        AuthenticatedKey key = keys.cached(presented);
        if (key == null || !key.usableAt(now)) {
            // refused, or not verified on this node yet: the address pays first, before any lookup or argon2 run
            rateLimits.forClientAddress(request, response);
            if (key == null) {
                key = keys.verify(presented);
            }
            if (!key.usableAt(now)) {
                throw ApiKeyAuthenticator.invalid();
            }
        }
        request.setAttribute(KEY, key);
        return key.caller();
    }

    private void authorize(HttpServletRequest request, Caller caller, Authenticated requirement) {
        if (request.getAttribute(KEY) instanceof AuthenticatedKey key) {
            if (!key.account().emailVerified()) {
                throw new DomainException(ErrorCode.EMAIL_NOT_VERIFIED,
                        "Verify the account's e-mail address before using its keys");
            }
            keys.recordUse(key, Instant.now());
        }
        requireScope(caller, requirement.scope());
    }

    private static void requireScope(Caller caller, Scope[] needed) {
        if (needed.length > 0 && Arrays.stream(needed).noneMatch(caller.scopes()::contains)) {
            String names = Arrays.stream(needed).map(Scope::wireName).collect(Collectors.joining(" or "));
            throw new DomainException(ErrorCode.FORBIDDEN, "This key lacks the scope " + names);
        }
    }

    private static DomainException missing() {
        return new DomainException(ErrorCode.INVALID_API_KEY,
                "Send an API key as 'Authorization: Bearer <key>'");
    }
}
