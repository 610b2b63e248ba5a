package com.crowdledger.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a request's forwarding headers may be believed for: only requests whose peer is one of
 * {@code crowdledger.security.trusted-proxies}. Anyone else's {@code X-Forwarded-*} is ignored.
 */
@Component
public class TrustedProxies {
    private final List<IpRange> ranges;

    public TrustedProxies(SecuritySettings settings) {
        this.ranges = settings.trustedProxies().stream().map(IpRange::parse).toList();
    }

    boolean isTrusted(String address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** The request arrived over TLS, or a trusted proxy says it did. */
    boolean isSecure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String forwardedProto = request.getHeader("X-Forwarded-Proto");
        return forwardedProto != null && "https".equalsIgnoreCase(forwardedProto.strip())
                && isTrusted(request.getRemoteAddr());
    }

    /**
     * The client's address: the peer, or behind trusted proxies the nearest {@code X-Forwarded-For} entry that is not
     * itself a trusted proxy (entries further left are written by the client and cannot be believed).
     */
    public String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor == null || !isTrusted(address)) {
            return address;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            address = hops[i].strip();
            if (!isTrusted(address)) {
                return address;
            }
        }
        return address;
    }

    /** The client for per-client limits: its IPv4 address, or the /64 of its IPv6 address. */
    public String clientNetwork(HttpServletRequest request) {
        return IpRange.clientNetwork(clientAddress(request));
    }
}
