package com.crowdledger.shared.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostbackUrlTemplateTest {

    @Test
    void expandsEveryMacroUrlEncoded() {
        PostbackUrlTemplate template = PostbackUrlTemplate.parse(
                "https://user:pw@Partner.Example/pb/{conversion_id}?cid={click_id}&amount={amount}&s1={sub1}&e={event}");

        assertThat(template.host()).isEqualTo("partner.example");
        assertThat(template.expand(Map.of("conversion_id", "conv_1", "click_id", "clk_2", "amount", "12.50",
                "sub1", "a b&c=d/é", "event", "sale")))
                .isEqualTo("https://user:pw@Partner.Example/pb/conv_1?cid=clk_2&amount=12.50"
                        + "&s1=a%20b%26c%3Dd%2F%C3%A9&e=sale");
    }

    @Test
    void valuesCannotMakeADotSegmentOfThePath() {
        PostbackUrlTemplate template = PostbackUrlTemplate.parse("https://p.example/pb/{sub1}/{sub2}{sub3}/{sub4}/x"
                + "?s={sub1}");
        assertThat(template.expand(Map.of("sub1", "..", "sub2", ".", "sub3", ".", "sub4", "v1.2")))
                .isEqualTo("https://p.example/pb///v1.2/x?s=..");
        assertThat(template.expand(Map.of("sub1", "%2E%2E", "sub2", "a", "sub3", "b", "sub4", "%2e")))
                .as("encoded by the visitor: sent as %252E, no dot segment either")
                .isEqualTo("https://p.example/pb/%252E%252E/ab/%252e/x?s=%252E%252E");
    }

    @Test
    void missingValuesBecomeEmpty() {
        assertThat(PostbackUrlTemplate.parse("https://p.example/?t={txn_id}&s5={sub5}").expand(Map.of()))
                .isEqualTo("https://p.example/?t=&s5=");
    }

    @Test
    void acceptsATemplateWithoutMacros() {
        assertThat(PostbackUrlTemplate.parse("https://p.example/ping").expand(Map.of("click_id", "x")))
                .isEqualTo("https://p.example/ping");
    }

    @Test
    void refusesUnknownMacros() {
        assertThatThrownBy(() -> PostbackUrlTemplate.parse("https://p.example/?x={clickid}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{clickid}");
    }

    @Test
    void refusesUnclosedBraces() {
        assertThatThrownBy(() -> PostbackUrlTemplate.parse("https://p.example/?x={click_id"))
                .hasMessageContaining("brace");
        assertThatThrownBy(() -> PostbackUrlTemplate.parse("https://p.example/?x=}"))
                .hasMessageContaining("brace");
    }

    @Test
    void refusesMacrosInTheHost() {
        for (String url : new String[] {"https://{sub1}.p.example/", "https://p.example:{sub2}/",
                "https://{sub1}/pb?x=1", "https://p.{click_id}"}) {
            assertThatThrownBy(() -> PostbackUrlTemplate.parse(url)).as(url).hasMessageContaining("host");
        }
    }

    /** Plain http parses; the SSRF guard refuses it unless private networks are allowed (local tests). */
    @Test
    void leavesTheSchemePolicyToTheSsrfGuard() {
        assertThat(PostbackUrlTemplate.parse("http://127.0.0.1:8080/pb?s={status}").expand(Map.of("status", "approved")))
                .isEqualTo("http://127.0.0.1:8080/pb?s=approved");
    }

    @Test
    void refusesAnythingButAbsoluteWebUrls() {
        for (String url : new String[] {"javascript:alert(1)", "/relative?x={click_id}",
                "https:///nohost", "https://p.example/a b", "", "ftp://p.example/",
                "https://p.example/" + "a".repeat(PostbackUrlTemplate.MAX_LENGTH)}) {
            assertThatThrownBy(() -> PostbackUrlTemplate.parse(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> PostbackUrlTemplate.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
