package com.crowdledger.command.tracking.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.crypto.SecretVault;
import com.crowdledger.shared.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A partner's postback URL is checked by the SSRF guard as a webhook endpoint's is: with private networks not allowed,
 * loopback, private, link-local and metadata addresses and plain http are refused, and nothing is sealed.
 */
class PostbackUrlsTest {
    private final List<String> sealed = new ArrayList<>();
    private final SecretVault vault = new SecretVault() {
        @Override
        public String store(String purpose, byte[] secret) {
            sealed.add(new String(secret, StandardCharsets.UTF_8));
            return "sec_0123456789ABCDEFabcdef";
        }

        @Override
        public byte[] open(String reference) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void refusesLoopbackPrivateAndMetadataAddresses() {
        PostbackUrls urls = new PostbackUrls(vault, false);
        for (String url : new String[] {"https://127.0.0.1/pb?cid={click_id}", "https://10.0.0.1/pb",
                "https://169.254.169.254/latest/meta-data/?x={sub1}", "https://[::1]/pb", "https://192.168.1.1/pb",
                "http://93.184.215.14/pb?cid={click_id}", "https://user:pw@93.184.215.14/pb"}) {
            assertThatThrownBy(() -> urls.seal(url)).as(url).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.details()).singleElement()
                            .satisfies(issue -> assertThat(issue.field()).isEqualTo("postbackUrl")));
        }
        assertThat(sealed).isEmpty();
    }

    @Test
    void sealsAPublicUrlAndShowsItsHostOnly() {
        String url = "https://93.184.215.14/pb?token=abc&cid={click_id}&s={status}";
        ChangePartnerCommand.PostbackUrlChange change = new PostbackUrls(vault, false).seal(url);
        assertThat(change.host()).isEqualTo("93.184.215.14");
        assertThat(change.ref()).startsWith("sec_");
        assertThat(sealed).containsExactly(url);
    }

    @Test
    void allowsLoopbackAndHttpWhenPrivateNetworksAreAllowed() {
        assertThat(new PostbackUrls(vault, true).seal("http://127.0.0.1:8080/pb?cid={click_id}").host())
                .isEqualTo("127.0.0.1");
    }
}
