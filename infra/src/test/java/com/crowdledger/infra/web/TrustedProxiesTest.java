package com.crowdledger.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Forwarding headers count only when a trusted proxy sent them. */
class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(new SecuritySettings(false, List.of("10.0.0.0/8"), null));

    @Test
    void directClientIsThePeer() {
        assertThat(proxies.clientAddress(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertThat(proxies.clientAddress(request("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.9")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void withoutForwardedForTheProxyIsTheClient() {
        assertThat(proxies.clientAddress(request("10.0.0.2", null))).isEqualTo("10.0.0.2");
    }

    @Test
    void aClientsOwnHeaderLineBeforeTheProxysCountsForNothing() {
        MockHttpServletRequest request = request("10.0.0.2", "10.9.9.9");
        request.addHeader("X-Forwarded-For", "203.0.113.5"); // the line the proxy appended
        assertThat(proxies.clientAddress(request)).isEqualTo("203.0.113.5");

        MockHttpServletRequest proto = request("10.0.0.2", null);
        proto.addHeader("X-Forwarded-Proto", "https"); // the client's
        proto.addHeader("X-Forwarded-Proto", "http"); // the proxy's
        assertThat(proxies.isSecure(proto)).isFalse();
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/auth/me");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
