package com.crowdledger.infra.admin;

import com.crowdledger.shared.web.OperatorOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks the operator token for every operator route ({@link OperatorOnly}) before its handler runs, so a feature's
 * operator route needs nothing of infra. It runs after the rate limits (guessing the token is as slow as any anonymous
 * request) and before {@code Idempotency}, which would otherwise replay a stored operator answer to whoever sends its
 * key from the same address.
 */
@Component
class OperatorRoutes implements WebMvcConfigurer, HandlerInterceptor {
    private final OperatorToken operator;

    OperatorRoutes(OperatorToken operator) {
        this.operator = operator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(2);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && (method.hasMethodAnnotation(OperatorOnly.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), OperatorOnly.class))) {
            operator.require(request.getHeader("Authorization"));
        }
        return true;
    }
}
