package com.crowdledger.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every route under {@code /v1} also answers under {@code /api/v1} (SPEC §2): the alias is stripped on entry. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiPrefixAlias extends OncePerRequestFilter {
    private static final String ALIAS = "/api";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith(ALIAS + "/v1/") || path.equals(ALIAS + "/v1"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contextPath = request.getContextPath();
        String stripped = contextPath + request.getRequestURI().substring(contextPath.length() + ALIAS.length());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return stripped;
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = super.getRequestURL();
                int at = url.indexOf(contextPath + ALIAS + "/v1");
                return at < 0 ? url : url.replace(at + contextPath.length(), at + contextPath.length() + ALIAS.length(), "");
            }

            @Override
            public String getServletPath() {
                return stripped.substring(contextPath.length());
            }
        }, response);
    }
}
