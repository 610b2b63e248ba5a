package com.crowdledger.infra.web;

import com.crowdledger.shared.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the request's {@link ClientAddress}, as {@link TrustedProxies} work it out. */
@Component
class ClientAddresses implements WebMvcConfigurer {
    private final TrustedProxies proxies;

    ClientAddresses(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ClientAddress.class;
            }

            @Override
            public ClientAddress resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                                 NativeWebRequest request, WebDataBinderFactory binders) {
                return new ClientAddress(proxies.clientAddress(request.getNativeRequest(HttpServletRequest.class)));
            }
        });
    }
}
