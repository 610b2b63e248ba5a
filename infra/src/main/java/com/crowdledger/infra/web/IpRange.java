package com.crowdledger.infra.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An address or CIDR range ("10.0.0.0/8", "::1", "192.168.1.7"), for matching trusted proxies. */
record IpRange(byte[] network, int prefixLength) {
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    private static final int IPV6_SUBSCRIBER_BYTES = 8;

    static IpRange parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] address = literal(parts[0]);
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("Bad prefix length in " + text);
        }
        return new IpRange(address, prefix);
    }

    boolean contains(String address) {
        byte[] candidate;
        try {
            candidate = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (candidate.length != network.length) {
            return false;
        }
        int shift = network.length * 8 - prefixLength;
        return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }

    /**
     * The network a client address stands for: an IPv4 address itself, an IPv6 address's /64 (the block one
     * subscriber is given, so each of its 2^64 addresses is the same client). Anything else is returned as it is.
     */
    static String clientNetwork(String address) {
        if (address.indexOf(':') < 0) {
            return address; // IPv4: the common case, no parsing
        }
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (IllegalArgumentException e) {
            return address;
        }
        boolean ipv6 = bytes.length == 16; // an IPv4-mapped IPv6 address parses as the IPv4 one
        if (ipv6) {
            Arrays.fill(bytes, IPV6_SUBSCRIBER_BYTES, bytes.length, (byte) 0);
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + (ipv6 ? "/64" : "");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an IP address", e);
        }
    }

    /** Parses an IP literal without any DNS lookup (a host name is refused). */
    private static byte[] literal(String text) {
        if (!LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + text, e);
        }
    }
}
