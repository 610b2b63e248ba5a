package com.crowdledger.infra.admin;

import com.crowdledger.infra.web.ErrorResponses;
import com.crowdledger.shared.error.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics ({@code /actuator/prometheus}) tell who calls how much and what fails: they take the operator token,
 * like the other operator routes (a Prometheus scrape job sends it as a bearer token). Health probes stay open.
 */
@Component
class MetricsAccess extends OncePerRequestFilter {
    private final OperatorToken operator;
    private final ErrorResponses errors;

    MetricsAccess(OperatorToken operator, ErrorResponses errors) {
        this.operator = operator;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            operator.require(request.getHeader("Authorization"));
        } catch (DomainException refused) {
            errors.write(request, response, refused.code(), refused.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
