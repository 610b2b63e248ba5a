package com.crowdledger.shared.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.error.DomainException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard with private networks refused, as in production. */
class SsrfGuardTest {
    /** Names resolved without DNS: what an attacker's own DNS server could answer. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.215.14"},
            "v6.example.com", new String[] {"2606:4700:4700::1111"},
            "rebind.example.com", new String[] {"93.184.215.14", "10.0.0.7"},
            "internal.example.com", new String[] {"192.168.1.20"},
            "metadata.example.com", new String[] {"169.254.169.254"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private final SsrfGuard guard = new SsrfGuard(false, SsrfGuardTest::resolve);

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        if (addresses == null) {
            // IP literals are parsed, never looked up
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        InetAddress[] result = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            result[i] = InetAddress.getByAddress(host, InetAddress.getByName(addresses[i]).getAddress());
        }
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.example.com/webhooks",
            "https://hooks.example.com:8443/a/b?x=1&y=%20",
            "https://93.184.215.14/hook",
            "https://[2606:4700:4700::1111]/hook",
            "https://v6.example.com/hook",
            "HTTPS://hooks.example.com/"})
    void publicHttpsUrlsAreAllowed(String url) {
        assertThat(guard.requireAllowedUrl("url", url)).isNotNull();
    }

    /** The refusals the issue names, with private networks not allowed. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook",
            "https://10.0.0.1/hook",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/hook",
            "https://localhost/hook",
            "https://localhost./hook"})
    void loopbackPrivateAndMetadataAddressesAreRefused(String url) {
        assertRefused(url, "does not resolve to public addresses only");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://0.0.0.0/", "https://100.64.0.1/", "https://172.16.5.4/", "https://192.168.1.1/",
            "https://127.255.255.254/", "https://224.0.0.1/", "https://255.255.255.255/", "https://198.18.0.1/",
            "https://[::]/", "https://[fe80::1]/", "https://[fc00::1]/", "https://[fd00:ec2::254]/",
            "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/",
            "https://[2002:7f00:1::1]/", "https://[2002:a9fe:a9fe::1]/", "https://[64:ff9b::a00:1]/",
            "https://[2001:db8::1]/", "https://[fec0::1]/", "https://[0:0:0:0:0:0:0:1]/", "https://[::ffff:a9fe:a9fe]/",
            "https://[0000::0001]/", "https://[2001::1]/", "https://0.0.0.0:443/",
            "https://internal.example.com/", "https://metadata.example.com/"})
    void everyNonPublicFormIsRefused(String url) {
        assertRefused(url, "does not resolve to public addresses only");
    }

    @Test
    void aNameWithOnePublicAndOnePrivateAddressIsRefused() throws Exception {
        assertRefused("https://rebind.example.com/", "does not resolve to public addresses only");
        assertThatThrownBy(() -> guard.resolve("rebind.example.com"))
                .isInstanceOfSatisfying(SsrfGuard.RefusedAddressException.class,
                        e -> assertThat(e.address().getHostAddress()).isEqualTo("10.0.0.7"));
    }

    @Test
    void aRefusalDoesNotTellTheTenantWhereTheNameLeads() {
        assertThatThrownBy(() -> guard.requireAllowedUrl("url", "https://internal.example.com/"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details().get(0).message())
                        .doesNotContain("192.168"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://0177.0.0.1/", "https://0x7f.0.0.1/", "https://0x7f000001/",
            "https://127.1/", "https://127.0.0.01/", "https://hooks.example.com.0x7f/"})
    void numbersThatOnlySomeParsersReadAsAddressesAreRefused(String url) {
        assertThatThrownBy(() -> guard.requireAllowedUrl("url", url))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.details()).singleElement().satisfies(issue -> assertThat(issue.field())
                                .isEqualTo("url")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://hooks.example.com/", "ftp://hooks.example.com/", "file:///etc/passwd", "//hooks.example.com/",
            "hooks.example.com/hook", "https://user:pw@hooks.example.com/", "https://hooks.example.com@127.0.0.1/",
            "https://127.0.0.1#@hooks.example.com/", "https://hooks.example.com/#frag",
            "https://hooks.example.com\\@127.0.0.1/", "https://hooks.example.com:0/", "https://hooks.example.com:99999/",
            "https://exämple.com/", "https://hooks.example.com/a b", "https:///nohost", "https://no_such.example/",
            "https://unknown.example.com/", "https://[fe80::1%25eth0]/", "", " "})
    void malformedOrDeceptiveUrlsAreRefused(String url) {
        assertThatThrownBy(() -> guard.requireAllowedUrl("url", url)).isInstanceOf(DomainException.class);
    }

    /** Else registering URLs would map which internal names exist. */
    @Test
    void anUnknownNameAndAPrivateOneGetTheSameAnswer() {
        assertThat(refusal("https://unknown.example.com/").replace("unknown", "X"))
                .isEqualTo(refusal("https://internal.example.com/").replace("internal", "X"));
    }

    private String refusal(String url) {
        try {
            guard.requireAllowedUrl("url", url);
        } catch (DomainException e) {
            return e.details().get(0).message();
        }
        throw new AssertionError(url + " was allowed");
    }

    @Test
    void overlongUrlsAreRefused() {
        assertThatThrownBy(() -> guard.requireAllowedUrl("url", "https://hooks.example.com/" + "a".repeat(2048)))
                .isInstanceOf(DomainException.class).hasMessageContaining("invalid");
    }

    /** A URL the platform built (a postback's, its macros expanded) is checked for its shape, not its length. */
    @Test
    void theShapeOfABuiltUrlIsCheckedWhateverItsLength() {
        String expanded = "https://hooks.example.com/pb?s1=" + "%C3%A9".repeat(1000);
        assertThat(guard.requireShape("url", URI.create(expanded)).getHost()).isEqualTo("hooks.example.com");
        for (String url : new String[] {"http://hooks.example.com/pb", "https://u:p@hooks.example.com/pb",
                "https://hooks.example.com/pb#x", "https://0x7f.1/pb"}) {
            assertThatThrownBy(() -> guard.requireShape("url", URI.create(url))).as(url)
                    .isInstanceOf(DomainException.class);
        }
    }

    @Test
    void resolutionAtDeliveryTimeChecksEveryAddressAgain() {
        assertThatThrownBy(() -> guard.resolve("internal.example.com"))
                .isInstanceOfSatisfying(SsrfGuard.RefusedAddressException.class,
                        e -> assertThat(e.address().getHostAddress()).isEqualTo("192.168.1.20"));
        assertThatThrownBy(() -> guard.resolve("[::1]")).isInstanceOf(SsrfGuard.RefusedAddressException.class);
    }

    @Test
    void allowingPrivateNetworksAllowsThemAndPlainHttp() throws Exception {
        SsrfGuard local = new SsrfGuard(true, SsrfGuardTest::resolve);
        assertThat(local.requireAllowedUrl("url", "http://127.0.0.1:8080/hook")).isNotNull();
        assertThat(local.requireAllowedUrl("url", "https://localhost/hook")).isNotNull();
        assertThat(local.resolve("10.0.0.1")).hasSize(1);
        // the shape rules hold regardless
        assertThatThrownBy(() -> local.requireAllowedUrl("url", "http://user@127.0.0.1/"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> local.requireAllowedUrl("url", "http://2130706433/"))
                .isInstanceOf(DomainException.class);
    }

    private void assertRefused(String url, String because) {
        assertThatThrownBy(() -> guard.requireAllowedUrl("url", url))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details()).singleElement()
                        .satisfies(issue -> assertThat(issue.message()).contains(because)));
    }
}
