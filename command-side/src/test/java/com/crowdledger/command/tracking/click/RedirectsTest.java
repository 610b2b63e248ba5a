package com.crowdledger.command.tracking.click;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectsTest {

    @Test
    void addsClickIdAsTheLastParameter() {
        assertThat(Redirects.withClickId("https://shop.example/landing", "clk_1"))
                .isEqualTo("https://shop.example/landing?click_id=clk_1");
        assertThat(Redirects.withClickId("https://shop.example/landing?utm=aff&x=%20y", "clk_1"))
                .isEqualTo("https://shop.example/landing?utm=aff&x=%20y&click_id=clk_1");
    }

    @Test
    void keepsTheFragmentLast() {
        assertThat(Redirects.withClickId("https://shop.example/p?a=1#section?x=y", "clk_1"))
                .isEqualTo("https://shop.example/p?a=1&click_id=clk_1#section?x=y");
        assertThat(Redirects.withClickId("https://shop.example/p#top", "clk_1"))
                .isEqualTo("https://shop.example/p?click_id=clk_1#top");
    }

    @Test
    void handlesAnEmptyQueryAndStrayAmpersands() {
        assertThat(Redirects.withClickId("https://shop.example/p?", "clk_1"))
                .isEqualTo("https://shop.example/p?click_id=clk_1");
        assertThat(Redirects.withClickId("https://shop.example/p?a=1&&b=2&", "clk_1"))
                .isEqualTo("https://shop.example/p?a=1&b=2&click_id=clk_1");
    }

    @Test
    void replacesAClickIdOfTheDestinationsOwn() {
        assertThat(Redirects.withClickId("https://shop.example/p?click_id=stale&click_idx=keep&click_id", "clk_1"))
                .isEqualTo("https://shop.example/p?click_idx=keep&click_id=clk_1");
    }
}
