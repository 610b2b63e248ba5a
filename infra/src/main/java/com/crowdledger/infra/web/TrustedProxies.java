package com.crowdledger.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * The request arrived over TLS, or a trusted proxy says it did: the last {@code X-Forwarded-Proto} value, the one
     * the nearest proxy wrote (a proxy that appends its own header line leaves the client's lines before it).
     */
    boolean isSecure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        List<String> protos = values(request, "X-Forwarded-Proto");
        return !protos.isEmpty() && "https".equalsIgnoreCase(protos.get(protos.size() - 1))
                && isTrusted(request.getRemoteAddr());
    }

    /**
     * The client's address: the peer, or behind trusted proxies the nearest {@code X-Forwarded-For} entry that is not
     * itself a trusted proxy (entries further left are written by the client and cannot be believed).
     */
    public String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!isTrusted(address)) {
            return address;
        }
        List<String> hops = values(request, "X-Forwarded-For");
        for (int i = hops.size() - 1; i >= 0; i--) {
            address = hops.get(i);
            if (!isTrusted(address)) {
                return address;
            }
        }
        return address;
    }

    /** Every comma-separated value of every line of a header, in order ({@code getHeader} gives the first line only). */
    private static List<String> values(HttpServletRequest request, String header) {
        List<String> values = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders(header))) {
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    /** The client for per-client limits: its IPv4 address, or the /64 of its IPv6 address. */
    public String clientNetwork(HttpServletRequest request) {
        return IpRange.clientNetwork(clientAddress(request));
    }
}
