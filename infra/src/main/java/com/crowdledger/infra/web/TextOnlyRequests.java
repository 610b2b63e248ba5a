package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters that are not text are refused (422 naming the parameter) before any handler runs, as
 * {@link StrictJson} refuses them in bodies: U+0000, which PostgreSQL cannot store (a value that reached an event, a
 * click's sub id or a postback's coupon, would stop the projections that read it), and bytes that are not UTF-8
 * (overlong forms, encoded surrogates) or no bytes at all (a broken %-escape, {@code %zz}), which Tomcat would only
 * find when a handler reads the parameter, as a 500. Then Tomcat reads the parameters at once, and what it cannot read
 * (an escape only it refuses, such as {@code %+1}, over a thousand parameters, a broken form body) is 400 here rather
 * than a 500 later. The path and headers need no check: Tomcat refuses NUL there itself (400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TextOnlyRequests extends OncePerRequestFilter {
    static final String NOT_UTF8 = "is not percent-encoded UTF-8 text";
    private final ErrorResponses errors;

    TextOnlyRequests(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FieldIssue notText = parameterNotText(request.getQueryString());
        if (notText != null) {
            errors.write(request, response, ErrorCode.VALIDATION_ERROR, "The request is invalid", List.of(notText));
            return;
        }
        try {
            request.getParameterMap(); // Tomcat reads the parameters once, here, rather than where a handler asks
        } catch (IllegalStateException unreadable) { // Tomcat's InvalidParameterException: an escape it cannot
            // decode (%+1), more parameters than it takes, a broken form body
            errors.write(request, response, ErrorCode.INVALID_REQUEST, "The request's parameters could not be read");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The first parameter whose name or value decodes to NUL or to bytes that are not UTF-8, or does not decode (a
     * broken %-escape); null when none.
     */
    private static FieldIssue parameterNotText(String query) {
        if (query == null || query.indexOf('%') < 0 && query.indexOf('\0') < 0) {
            return null; // the common case, without decoding anything
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null || value == null) {
                return new FieldIssue(name == null ? rawName : name, NOT_UTF8);
            }
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return new FieldIssue(name.replace("\0", ""), StrictJson.NOT_TEXT);
            }
        }
        return null;
    }

    /** Percent-decoded as UTF-8, strictly; null when the bytes are not UTF-8. */
    private static String decode(String text) {
        byte[] bytes;
        try {
            bytes = URLDecoder.decode(text, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException malformed) {
            return null; // a broken %-escape (%zz, a lone %): no text at all, and Tomcat would fail it as a 500
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
