package com.crowdledger.shared.net;

import com.crowdledger.shared.error.DomainException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the platform may send requests on a tenant's behalf (webhooks, partner postbacks): URLs a tenant gives are
 * checked when they are registered, and every address a host name resolves to is checked again each time a
 * connection is opened, since DNS may change. The connection must then go to an address this guard returned
 * ({@link #resolve}), never to a second lookup of the name, or a name that first resolves to a public address and
 * then to {@code 127.0.0.1} would get through.
 *
 * <p>Refused unless {@code allowPrivateNetworks}: plain {@code http}, and every address that is not public unicast:
 * loopback, private (RFC 1918, {@code fc00::/7}), link-local ({@code 169.254/16}, {@code fe80::/10}, cloud metadata
 * {@code 169.254.169.254} and {@code fd00:ec2::254} among them), carrier-grade NAT ({@code 100.64/10}), multicast,
 * unspecified, and the reserved, documentation and benchmarking ranges. IPv6 is allowed only in global unicast
 * ({@code 2000::/3}), less its special blocks; an IPv4 address embedded in IPv6 (mapped, compatible, 6to4) is
 * judged as that IPv4 address.
 *
 * <p>Always refused, whatever the setting: anything but an absolute {@code https} (or, when allowed, {@code http})
 * URL with a host; user info ({@code https://user@host}, the classic way to make a URL read as one host and connect
 * to another); fragments; non-ASCII; and hosts that only look like numbers in some parser ({@code 2130706433},
 * {@code 0177.0.0.1}, {@code 0x7f.1}): an IPv4 host must be four plain decimal octets.
 */
public final class SsrfGuard {
    public static final int MAX_URL_LENGTH = 2048;

    private static final List<Cidr> REFUSED_IPV4 = Cidr.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final Cidr IPV6_GLOBAL_UNICAST = Cidr.parse("2000::/3");
    private static final List<Cidr> REFUSED_IPV6_GLOBAL = Cidr.all("2001::/23", "2001:db8::/32", "3fff::/20");
    private static final Cidr IPV6_6TO4 = Cidr.parse("2002::/16");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    /** WHATWG URL: a host whose last label is a number is parsed as an IPv4 address, in any of several forms. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateNetworks;
    private final Resolver resolver;

    public SsrfGuard(boolean allowPrivateNetworks) {
        this(allowPrivateNetworks, InetAddress::getAllByName);
    }

    public SsrfGuard(boolean allowPrivateNetworks, Resolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    public boolean allowsPrivateNetworks() {
        return allowPrivateNetworks;
    }

    /**
     * A URL a tenant registers: well formed, of an allowed scheme, and resolving now to allowed addresses only.
     *
     * @throws DomainException VALIDATION_ERROR on {@code field}, saying what is wrong
     */
    public URI requireAllowedUrl(String field, String url) {
        URI uri = parse(field, url);
        try {
            resolve(uri.getHost());
        } catch (UnknownHostException | RefusedAddressException e) {
            // one answer for both, so that registering URLs does not tell which internal names exist
            throw DomainException.invalid(field, uri.getHost() + " does not resolve to public addresses only (names "
                    + "that do not resolve, and loopback, private, link-local, metadata and other reserved addresses, "
                    + "are refused)");
        }
        return uri;
    }

    /**
     * The URL's shape alone, without resolving its host (a URL read back from storage, already checked once).
     *
     * @throws DomainException VALIDATION_ERROR on {@code field}
     */
    public URI parse(String field, String url) {
        if (url == null || url.isBlank()) {
            throw DomainException.invalid(field, "must be a URL");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw DomainException.invalid(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid(field, "must be ASCII without spaces (encode international names as "
                    + "punycode and other characters with %XX)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw DomainException.invalid(field, "is not a valid URL");
        }
        return requireShape(field, uri);
    }

    /**
     * The shape of a URL built by the platform, whatever its length (a partner's postback URL, its macros expanded):
     * an allowed scheme, a host, no user info, no fragment, no IPv4 host in a form some parser reads otherwise.
     *
     * @throws DomainException VALIDATION_ERROR on {@code field}
     */
    public URI requireShape(String field, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateNetworks && scheme.equals("http"))) {
            throw DomainException.invalid(field, "must be an https URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw DomainException.invalid(field, "must not contain user info (user:password@)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw DomainException.invalid(field, "must name a valid host");
        }
        if (uri.getRawFragment() != null) {
            throw DomainException.invalid(field, "must not contain a fragment (#...)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw DomainException.invalid(field, "must use a port between 1 and 65535");
        }
        String host = uri.getHost();
        if (!host.startsWith("[") && endsInNumber(host) && !CANONICAL_IPV4.matcher(host).matches()) {
            throw DomainException.invalid(field, "must name an IPv4 host as four decimal numbers, like 192.0.2.10");
        }
        return uri;
    }

    /**
     * Every address the host resolves to, each of them allowed; the caller connects to one of these and to nothing
     * else.
     *
     * @param host a host name or IP literal (IPv6 with or without brackets)
     * @throws RefusedAddressException when any address is not allowed (a name that resolves to one public and one
     *                                 private address is refused: which one a client picks is not ours to guess)
     */
    public InetAddress[] resolve(String host) throws UnknownHostException, RefusedAddressException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedAddressException(host, address);
                }
            }
        }
        return addresses;
    }

    /** True for a public unicast address: one a request on a tenant's behalf may go to. */
    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(bytes);
        }
        if (IPV6_6TO4.contains(bytes)) {
            return isPublicIpv4(Arrays.copyOfRange(bytes, 2, 6));
        }
        return IPV6_GLOBAL_UNICAST.contains(bytes) && REFUSED_IPV6_GLOBAL.stream().noneMatch(r -> r.contains(bytes));
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        return REFUSED_IPV4.stream().noneMatch(range -> range.contains(bytes));
    }

    private static boolean endsInNumber(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(last).matches();
    }

    /**
     * A host resolved to an address requests may not go to. The message is shown to the tenant, so it does not say
     * which address: the platform's resolver must not become a way to map the networks it sees.
     */
    public static final class RefusedAddressException extends Exception {
        private final transient InetAddress address;

        public RefusedAddressException(String host, InetAddress address) {
            super(host + " resolves to what is not a public address (loopback, private, link-local, metadata and "
                    + "other reserved addresses are refused)", null, false, false);
            this.address = address;
        }

        /** The refused address, for logs and tests; never for the tenant. */
        public InetAddress address() {
            return address;
        }
    }

    /** An address range. */
    private record Cidr(byte[] network, int prefixLength) {
        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                // literals only: getByName does not look IP literals up in DNS
                return new Cidr(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(text, e);
            }
        }

        static List<Cidr> all(String... texts) {
            return Arrays.stream(texts).map(Cidr::parse).toList();
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
