package com.crowdledger.infra.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address or CIDR range ("10.0.0.0/8", "::1", "192.168.1.7"), for matching trusted proxies. */
record IpRange(byte[] network, int prefixLength) {

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

    /** Parses an IP literal without any DNS lookup (a host name is refused). */
    private static byte[] literal(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + text, e);
        }
    }
}
