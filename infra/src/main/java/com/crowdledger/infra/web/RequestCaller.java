package com.crowdledger.infra.web;

import com.crowdledger.shared.web.Caller;
import jakarta.servlet.ServletRequest;

/** The authenticated caller of a request, set once by authentication and read by what runs after it. */
public final class RequestCaller {
    private static final String ATTRIBUTE = Caller.class.getName();

    private RequestCaller() {
    }

    public static void set(ServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    /** The caller, or null on a public endpoint. */
    public static Caller of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : null;
    }
}
