package com.crowdledger.infra.web;

import com.crowdledger.shared.web.ListPage;
import java.util.Collection;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Wraps what every API controller returns in the success envelope; lists get {@code cursor} and {@code hasMore}. */
@RestControllerAdvice(basePackages = "com.crowdledger")
class EnvelopeAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof Envelope || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return body;
        }
        String requestId = RequestIds.of(((ServletServerHttpRequest) request).getServletRequest());
        if (body instanceof ListPage<?> page) {
            return Envelope.data(page.items(), Envelope.Meta.page(requestId, page.cursor(), page.hasMore()));
        }
        if (body instanceof Collection<?> items) {
            return Envelope.data(items, Envelope.Meta.page(requestId, null, false));
        }
        return Envelope.data(body, Envelope.Meta.of(requestId));
    }
}
