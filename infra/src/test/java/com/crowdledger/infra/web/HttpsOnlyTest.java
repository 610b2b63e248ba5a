package com.crowdledger.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** HTTPS-only: which requests pass, and whose X-Forwarded-Proto is believed. */
class HttpsOnlyTest {
    private static final MockEnvironment EXTERNAL_DATABASE =
            new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/crowdledger");
    private final ErrorResponses errors = new ErrorResponses(JsonMapper.builder().build());

    @Test
    void plainHttpIsRefusedWithForbiddenInTheEnvelope() throws Exception {
        MockHttpServletResponse response = run(strict(), request("/v1/auth/me"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("\"FORBIDDEN\"", "HTTPS is required");
    }

    @Test
    void tlsRequestPasses() throws Exception {
        MockHttpServletRequest request = request("/v1/auth/me");
        request.setSecure(true);
        assertPassed(run(strict(), request));
    }

    @Test
    void forwardedHttpsFromTrustedProxyPasses() throws Exception {
        MockHttpServletRequest request = request("/v1/auth/me");
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("X-Forwarded-Proto", "https");
        assertPassed(run(strict(), request));
    }

    @Test
    void forwardedHttpsFromAnyoneElseIsIgnored() throws Exception {
        MockHttpServletRequest request = request("/v1/auth/me");
        request.setRemoteAddr("203.0.113.9");
        request.addHeader("X-Forwarded-Proto", "https");
        assertThat(run(strict(), request).getStatus()).isEqualTo(403);
    }

    @Test
    void forwardedHttpFromTrustedProxyIsRefused() throws Exception {
        MockHttpServletRequest request = request("/v1/auth/me");
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("X-Forwarded-Proto", "http");
        assertThat(run(strict(), request).getStatus()).isEqualTo(403);
    }

    @Test
    void healthProbesStayReachableOverHttp() throws Exception {
        assertPassed(run(strict(), request("/actuator/health/liveness")));
        assertThat(run(strict(), request("/actuator/prometheus")).getStatus()).isEqualTo(403);
    }

    @Test
    void apiDescriptionAndDocsAreHttpsOnlyLikeTheApi() throws Exception {
        for (String path : List.of("/v1/openapi.json", "/api/v1/openapi.json", "/docs", "/swagger-ui/index.html")) {
            assertThat(run(strict(), request(path)).getStatus()).as(path).isEqualTo(403);
        }
    }

    @Test
    void embeddedDefaultAllowsHttpUnlessTurnedOff() throws Exception {
        HttpsOnly embeddedDefault = httpsOnly(new SecuritySettings(null, List.of(), null), new MockEnvironment(),
                errors);
        assertPassed(run(embeddedDefault, request("/v1/auth/me")));
        HttpsOnly turnedOff = httpsOnly(new SecuritySettings(false, List.of(), null), new MockEnvironment(),
                errors);
        assertThat(run(turnedOff, request("/v1/auth/me")).getStatus()).isEqualTo(403);
    }

    @Test
    void externalDatabaseWithoutSettingRequiresHttps() throws Exception {
        HttpsOnly production = httpsOnly(new SecuritySettings(null, List.of(), null), EXTERNAL_DATABASE, errors);
        assertThat(run(production, request("/v1/auth/me")).getStatus()).isEqualTo(403);
    }

    private static HttpsOnly httpsOnly(SecuritySettings settings, Environment environment, ErrorResponses errors) {
        return new HttpsOnly(settings, new TrustedProxies(settings), environment, errors);
    }

    private HttpsOnly strict() {
        return httpsOnly(new SecuritySettings(false, List.of("10.0.0.0/8", "::1"), null), EXTERNAL_DATABASE,
                errors);
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr("127.0.0.1");
        return request;
    }

    private static MockHttpServletResponse run(HttpsOnly filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299); // marks "reached the application"
        }
        return response;
    }

    private static void assertPassed(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(299);
    }
}
