package com.crowdledger.infra.web;

import org.springframework.web.method.HandlerMethod;

/** Which handlers are the API's own (and so authenticated, limited, idempotent), as opposed to actuator's. */
public final class ApiHandlers {
    private ApiHandlers() {
    }

    public static boolean isApi(Object handler) {
        return handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().startsWith("com.crowdledger");
    }
}
