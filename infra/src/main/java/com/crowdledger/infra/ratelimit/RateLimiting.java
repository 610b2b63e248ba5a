package com.crowdledger.infra.ratelimit;

import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Draws every API request from its bucket right after authentication, before the handler does any work. */
@Component
public class RateLimiting implements HandlerInterceptor {
    private final RateLimits limits;

    RateLimiting(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("com.crowdledger")) {
            return true;
        }
        if (request.getAttribute(Caller.class.getName()) instanceof Caller caller) {
            limits.forCaller(caller, response);
        } else if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class)) {
            limits.forClientAddress(request, response);
        }
        return true;
    }
}
