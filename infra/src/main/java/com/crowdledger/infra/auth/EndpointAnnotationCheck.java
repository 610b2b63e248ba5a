package com.crowdledger.infra.auth;

import com.crowdledger.infra.web.ApiHandlers;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start when an API endpoint says neither who may call it ({@code @Authenticated}) nor that anyone may
 * ({@code @PublicEndpoint}): forgetting the annotation must not open a route.
 */
@Component
class EndpointAnnotationCheck implements SmartInitializingSingleton {
    private final RequestMappingHandlerMapping mappings;

    EndpointAnnotationCheck(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> unguarded = mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> unguarded(entry.getValue()))
                .map(entry -> entry.getKey() + " -> " + entry.getValue())
                .toList();
        if (!unguarded.isEmpty()) {
            throw new IllegalStateException("Endpoints without @Authenticated or @PublicEndpoint: " + unguarded);
        }
    }

    static boolean unguarded(HandlerMethod handler) {
        return ApiHandlers.isApi(handler) && !Authentication.isPublic(handler)
                && Authentication.requirement(handler) == null;
    }
}
