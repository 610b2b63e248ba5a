package com.crowdledger.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API answers are never stored by a cache or a browser (some carry a new key, a session's CSRF token, or another
 * account's data for a shared proxy to mix up), and are never sniffed as anything but what they say they are.
 * The API reference's static assets (Swagger UI) may be cached.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NoStore extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        applyTo(response);
        chain.doFilter(request, response);
    }

    /** Also for answers Tomcat gives before any filter runs ({@link ContainerErrors}). */
    static void applyTo(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
