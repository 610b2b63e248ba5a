package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters holding U+0000 are refused (422 naming the parameter) before any handler runs, as
 * {@link StrictJson} refuses them in bodies: PostgreSQL cannot store the character, and a value that reached an event
 * (a click's sub id, a postback's coupon) would stop the projections that read it. The path and headers need no check:
 * Tomcat refuses NUL there itself (400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TextOnlyRequests extends OncePerRequestFilter {
    private final ErrorResponses errors;

    TextOnlyRequests(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String parameter = parameterWithNul(request.getQueryString());
        if (parameter != null) {
            errors.write(request, response, ErrorCode.VALIDATION_ERROR, "The request is invalid",
                    List.of(new FieldIssue(parameter, StrictJson.NOT_TEXT)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name of the first parameter whose name or value decodes to text with NUL; null when there is none. */
    private static String parameterWithNul(String query) {
        if (query == null || !query.contains("%00") && query.indexOf('\0') < 0) {
            return null; // the common case, without decoding anything
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return name.replace("\0", "");
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // Tomcat's own parsing answers a malformed query
        }
    }
}
