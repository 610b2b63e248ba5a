package com.crowdledger.infra.auth;

import com.crowdledger.infra.idempotency.Idempotency;
import com.crowdledger.infra.ratelimit.RateLimiting;
import com.crowdledger.infra.web.RequestCaller;
import com.crowdledger.shared.web.Caller;
import jakarta.servlet.ServletRequest;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Installs the interceptors every API request passes, in this order: {@link Authentication} (who, and may they),
 * {@link RateLimiting} (before any work), then (order 2) the operator routes' token check, then {@link Idempotency};
 * and lets controllers take the {@link Caller}.
 */
@Component
class AuthWebConfiguration implements WebMvcConfigurer {
    private final Authentication authentication;
    private final RateLimiting rateLimiting;
    private final Idempotency idempotency;

    AuthWebConfiguration(Authentication authentication, RateLimiting rateLimiting, Idempotency idempotency) {
        this.authentication = authentication;
        this.rateLimiting = rateLimiting;
        this.idempotency = idempotency;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authentication).order(0);
        registry.addInterceptor(rateLimiting).order(1);
        registry.addInterceptor(idempotency).order(3);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Caller caller = RequestCaller.of(request.getNativeRequest(ServletRequest.class));
                if (caller == null) {
                    throw new IllegalStateException("No caller: the endpoint is not @Authenticated");
                }
                return caller;
            }
        });
    }
}
