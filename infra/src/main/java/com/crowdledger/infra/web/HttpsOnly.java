package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keys travel in headers, so plain HTTP is refused (SPEC §2): a request must arrive over TLS, or through a trusted
 * proxy that says {@code X-Forwarded-Proto: https}. A forwarded header from anyone else is ignored. Health probes
 * stay reachable over plain HTTP for the orchestrator.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class HttpsOnly extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(HttpsOnly.class);

    private final boolean allowHttp;
    private final TrustedProxies trustedProxies;
    private final ErrorResponses errors;

    HttpsOnly(SecuritySettings settings, TrustedProxies trustedProxies, Environment environment,
              ErrorResponses errors) {
        this.allowHttp = settings.allowsHttp(environment);
        this.trustedProxies = trustedProxies;
        this.errors = errors;
        if (allowHttp) {
            log.warn("Plain HTTP is allowed (crowdledger.security.allow-http): API keys can be read on the wire. "
                    + "Use this for local development only.");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return allowHttp || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trustedProxies.isSecure(request)) {
            // browsers that saw it once never try plain HTTP again for a year
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
            chain.doFilter(request, response);
        } else {
            errors.write(request, response, ErrorCode.FORBIDDEN,
                    "HTTPS is required: send this request to the https:// address");
        }
    }
}
