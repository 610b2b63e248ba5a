package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.web.ApiHandlers;
import com.crowdledger.infra.web.RequestCaller;
import com.crowdledger.shared.web.Caller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
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
        if (!ApiHandlers.isApi(handler) || request.getDispatcherType() == DispatcherType.ERROR) {
            return true;
        }
        // Authentication ran first: an API request without a caller is one to a public endpoint
        Caller caller = RequestCaller.of(request);
        if (caller != null) {
            limits.forCaller(caller, response);
        } else {
            limits.forClientAddress(request, response);
        }
        return true;
    }
}
