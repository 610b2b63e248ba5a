package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Type of a request that may carry a body (POST, PUT, PATCH) names one type: {@code *}{@code /*},
 * {@code application/*} and the like are 415 like any other type the API does not read. Spring refuses a wildcard
 * only deep in its reading of the body, with an exception no handler maps (a 500); a Content-Type that does not parse
 * at all is left to Spring, which answers it 415.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ConcreteContentType extends OncePerRequestFilter {
    private static final Set<String> MAY_HAVE_BODY = Set.of("POST", "PUT", "PATCH");
    private final ErrorResponses errors;

    ConcreteContentType(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (MAY_HAVE_BODY.contains(request.getMethod()) && isWildcard(request.getContentType())) {
            errors.write(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ApiExceptionHandler.SEND_JSON);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.indexOf('*') < 0) {
            return false; // the common case, without parsing anything
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            return false;
        }
    }
}
