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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
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
        if (!(handler instanceof HandlerMethod method)) {
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
        Caller caller;
        try {
            caller = resolve(request, requirement);
        } catch (DomainException e) {
            if (e.code() == ErrorCode.INVALID_API_KEY) {
                rateLimits.forClientAddress(request, response); // guessing keys costs the guesser's address
            }
            throw e;
        }
        requireScope(caller, requirement.scope());
        RequestCaller.set(request, caller);
        return true;
    }

    private Caller resolve(HttpServletRequest request, Authenticated requirement) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            AuthenticatedKey key = keys.authenticate(authorization.substring(BEARER.length()).strip());
            request.setAttribute(KEY, key);
            return key.caller();
        }
        if (requirement.dashboard()) {
            return sessions.authenticate(request).orElseThrow(Authentication::missing);
        }
        throw missing();
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
