package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers that say who is calling or what a request means are sent once: a request with two Authorization
 * headers (or two Idempotency-Keys, two postback secrets, two CSRF tokens) is 400. Taking the first would act for
 * whoever a client or a proxy put first, while a gateway in front may have checked the last.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SingleValuedHeaders extends OncePerRequestFilter {
    static final List<String> HEADERS = List.of("Authorization", "Idempotency-Key", "X-Postback-Secret",
            "X-CSRF-Token", "Content-Type");
    private final ErrorResponses errors;

    SingleValuedHeaders(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : HEADERS) {
            if (moreThanOne(request.getHeaders(header))) {
                errors.write(request, response, ErrorCode.INVALID_REQUEST, "Send one " + header + " header");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean moreThanOne(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }
}
