package com.crowdledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.PublicEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Startup refuses endpoints that do not say plainly who may call them. */
class EndpointAnnotationCheckTest {

    @RestController
    @PublicEndpoint
    static class PublicClassWithAuthenticatedMethod {
        @GetMapping("/v1/mixed")
        @Authenticated(scope = Scope.KEYS)
        String mixed() {
            return "?";
        }
    }

    @RestController
    @Authenticated(scope = Scope.KEYS)
    static class AuthenticatedClassWithPublicMethod {
        @GetMapping("/v1/reverse")
        @PublicEndpoint
        String reverse() {
            return "?";
        }
    }

    @RestController
    static class BothOnOneMethod {
        @GetMapping("/v1/both")
        @PublicEndpoint
        @Authenticated
        String both() {
            return "?";
        }
    }

    @RestController
    static class Unannotated {
        @GetMapping("/v1/open")
        String open() {
            return "?";
        }
    }

    @RestController
    @Authenticated(scope = Scope.KEYS)
    static class Plain {
        @GetMapping("/v1/keys")
        String keys() {
            return "keys";
        }

        @GetMapping("/v1/tracking")
        @Authenticated(scope = Scope.TRACKING)
        String narrower() {
            return "tracking";
        }
    }

    @RestController
    @PublicEndpoint
    static class PlainPublic {
        @GetMapping("/v1/hello")
        String hello() {
            return "hello";
        }
    }

    @Test
    void publicClassWithAnAuthenticatedMethodIsRefused() {
        assertRefused(PublicClassWithAuthenticatedMethod.class, "/v1/mixed");
    }

    @Test
    void authenticatedClassWithAPublicMethodIsRefused() {
        assertRefused(AuthenticatedClassWithPublicMethod.class, "/v1/reverse");
    }

    @Test
    void bothOnOneMethodIsRefused() {
        assertRefused(BothOnOneMethod.class, "/v1/both");
    }

    @Test
    void endpointWithNeitherIsRefused() {
        assertRefused(Unannotated.class, "/v1/open");
    }

    @Test
    void endpointsThatSayOneThingStart() {
        assertThatCode(() -> check(Plain.class, PlainPublic.class)).doesNotThrowAnyException();
    }

    private static void assertRefused(Class<?> controller, String path) {
        assertThatThrownBy(() -> check(controller, PlainPublic.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(path)
                .hasMessageNotContaining("/v1/hello");
    }

    private static void check(Class<?>... controllers) {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        for (Class<?> controller : controllers) {
            context.registerSingleton(controller.getSimpleName(), controller);
        }
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        new EndpointAnnotationCheck(mapping).afterSingletonsInstantiated();
    }
}
