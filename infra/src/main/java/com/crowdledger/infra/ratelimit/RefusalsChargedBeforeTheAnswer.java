package com.crowdledger.infra.ratelimit;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Charges a refused public-group request to its client's address before the answer's body is written. Charged after
 * the answer (when the request completes), a client sending its next request as soon as it read the refusal could
 * get in before the charge, and past a limit its address had just used up.
 */
@ControllerAdvice
class RefusalsChargedBeforeTheAnswer implements ResponseBodyAdvice<Object> {
    private final RateLimiting rateLimiting;

    RefusalsChargedBeforeTheAnswer(RateLimiting rateLimiting) {
        this.rateLimiting = rateLimiting;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse) {
            rateLimiting.chargeIfRefused(servletRequest.getServletRequest(),
                    servletResponse.getServletResponse().getStatus());
        }
        return body;
    }
}
