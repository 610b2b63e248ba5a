package com.crowdledger.infra.web;

import com.crowdledger.shared.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@code req_...}): in the response's {@code meta.requestId} and {@code Request-Id}
 * header, and in every log line written while serving it, so a client's report leads straight to the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {
    public static final String HEADER = "Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final String MDC_KEY = "requestId";

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    /**
     * The request's id, given one now if it has none: a request the container refused before any filter ran (a
     * TRACE, say) reaches the error dispatch without one.
     */
    static String assign(HttpServletRequest request, HttpServletResponse response) {
        String id = of(request);
        if (id == null) {
            id = Ids.next(Ids.REQUEST);
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        return id;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = assign(request, response);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true; // the error dispatch keeps the id of the request that failed
    }
}
