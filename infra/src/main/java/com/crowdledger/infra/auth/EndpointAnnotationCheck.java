package com.crowdledger.infra.auth;

import com.crowdledger.infra.web.ApiHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start when an API endpoint says neither who may call it ({@code @Authenticated}) nor that anyone may
 * ({@code @PublicEndpoint}): forgetting the annotation must not open a route. It also refuses an endpoint to which
 * both apply (one on the class, the other on the method, or both on one): whichever wins, a reader of the other
 * would be misled about who may call it.
 */
@Component
class EndpointAnnotationCheck implements SmartInitializingSingleton {
    private final RequestMappingHandlerMapping mappings;

    EndpointAnnotationCheck(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (unguarded(entry.getValue())) {
                problems.add("without @Authenticated or @PublicEndpoint: " + entry.getKey() + " -> "
                        + entry.getValue());
            } else if (mixed(entry.getValue())) {
                problems.add("with both @Authenticated and @PublicEndpoint (method and class together): "
                        + entry.getKey() + " -> " + entry.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Endpoints that do not say plainly who may call them: " + problems);
        }
    }

    static boolean unguarded(HandlerMethod handler) {
        return ApiHandlers.isApi(handler) && !Authentication.isPublic(handler)
                && Authentication.requirement(handler) == null;
    }

    static boolean mixed(HandlerMethod handler) {
        return ApiHandlers.isApi(handler) && Authentication.isPublic(handler)
                && Authentication.requirement(handler) != null;
    }
}
