package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.web.ApiHandlers;
import com.crowdledger.infra.web.RequestCaller;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.PublicEndpoint;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Draws every API request from its bucket right after authentication, before the handler does any work: the
 * caller's, or for a public endpoint its limit group's ({@link PublicEndpoint#limit()}) or else the client address's.
 */
@Component
public class RateLimiting implements HandlerInterceptor {
    /** The request's public limit group, when it has one and no caller: its refusals are the address's. */
    private static final String PUBLIC_GROUP = RateLimiting.class.getName() + ".publicGroup";
    /** The request's refusal was charged already. */
    private static final String CHARGED = RateLimiting.class.getName() + ".charged";
    /** The limit group of each public handler method ("" for none), worked out once. */
    private final Map<Method, String> groups = new ConcurrentHashMap<>();
    private final RateLimits limits;

    RateLimiting(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an asynchronous response (a stream) comes back through here when it ends: it was charged when it began
        if (!ApiHandlers.isApi(handler) || request.getDispatcherType() == DispatcherType.ERROR
                || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        // Authentication ran first: an API request without a caller is one to a public endpoint
        Caller caller = RequestCaller.of(request);
        String group = caller == null ? limitGroup((HandlerMethod) handler) : "";
        if (caller != null) {
            limits.forCaller(caller, response);
        } else if (!group.isEmpty()) {
            request.setAttribute(PUBLIC_GROUP, group);
            limits.forPublicGroup(group, pathVariables(request), request, response);
        } else {
            limits.forClientAddress(request, response);
        }
        return true;
    }

    /**
     * A public endpoint with a limit group refused a request (any client error but 429: an unknown target, a wrong
     * secret, a bad mode or body): its client's address pays for it, not the group, so outsiders cannot use up an
     * advertiser's limit with requests the advertiser never made. Charged before the answer's body is written
     * ({@link RefusalsChargedBeforeTheAnswer}), so the client's next request already finds its address's limit used
     * up; an answer without a body is charged here, once it is complete.
     */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            chargeIfRefused(request, response.getStatus());
        }
    }

    /** Charges the request's refusal to its client's address, once, if it was a refused public-group request. */
    void chargeIfRefused(HttpServletRequest request, int status) {
        Object group = request.getAttribute(PUBLIC_GROUP);
        if (group != null && isRefusal(status) && request.getAttribute(CHARGED) == null) {
            request.setAttribute(CHARGED, Boolean.TRUE);
            limits.chargeRefusal((String) group, pathVariables(request), request);
        }
    }

    private static boolean isRefusal(int status) {
        return status >= 400 && status < 500 && status != 429;
    }

    private String limitGroup(HandlerMethod handler) {
        return groups.computeIfAbsent(handler.getMethod(), ignored -> {
            PublicEndpoint onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                    PublicEndpoint.class);
            PublicEndpoint declared = onMethod != null ? onMethod
                    : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PublicEndpoint.class);
            return declared == null ? "" : declared.limit();
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
