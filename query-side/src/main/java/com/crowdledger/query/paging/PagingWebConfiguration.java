package com.crowdledger.query.paging;

import com.crowdledger.shared.crypto.PlatformSecrets;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets list endpoints take a {@link PageRequest} parameter, parsed from {@code ?limit=} and {@code ?cursor=} with
 * the same rules everywhere. Cursors are signed with the platform secret {@value #CURSOR_SECRET}.
 */
@Component
class PagingWebConfiguration implements WebMvcConfigurer {
    static final String CURSOR_SECRET = "cursor-hmac";

    private final CursorCodec cursors;

    PagingWebConfiguration(PlatformSecrets secrets) {
        this.cursors = new CursorCodec(() -> secrets.get(CURSOR_SECRET));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageRequestResolver(cursors));
    }

    static final class PageRequestResolver implements HandlerMethodArgumentResolver {
        private final CursorCodec cursors;

        PageRequestResolver(CursorCodec cursors) {
            this.cursors = cursors;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == PageRequest.class;
        }

        @Override
        public PageRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                           NativeWebRequest request, WebDataBinderFactory binders) {
            return PageRequest.parse(request.getParameter(PageRequest.LIMIT), request.getParameter(CursorCodec.FIELD),
                    cursors);
        }
    }
}
