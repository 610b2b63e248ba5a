package com.crowdledger.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMinuteCapTest {
    private static final long MINUTE = 29_000_000L * 60_000; // a minute's first millisecond

    private final AddressMinuteCap cap = new AddressMinuteCap();

    @Test
    void eachKeyGetsItsCapEachMinute() {
        for (int i = 0; i < 3; i++) {
            assertThat(cap.admit("offer-a|1.2.3.4", 3, MINUTE + i)).isTrue();
        }
        assertThat(cap.admit("offer-a|1.2.3.4", 3, MINUTE + 59_999)).isFalse();
        assertThat(cap.admit("offer-b|1.2.3.4", 3, MINUTE + 59_999)).as("another offer").isTrue();
        assertThat(cap.admit("offer-a|5.6.7.8", 3, MINUTE + 59_999)).as("another address").isTrue();
        assertThat(cap.admit("offer-a|1.2.3.4", 3, MINUTE + 60_000)).as("the next minute").isTrue();
        assertThat(AddressMinuteCap.minuteEndEpochSeconds(MINUTE + 59_999)).isEqualTo((MINUTE + 60_000) / 1000);
    }

    @Test
    void pastItsKeysAMinuteNewKeysPassUncounted() {
        for (int i = 0; i < AddressMinuteCap.MAX_KEYS; i++) {
            cap.admit("made-up-" + i, 1, MINUTE);
        }
        assertThat(cap.admit("made-up-0", 1, MINUTE)).as("counted before it was full").isFalse();
        assertThat(cap.admit("one-more", 1, MINUTE)).isTrue();
        assertThat(cap.admit("one-more", 1, MINUTE)).isTrue();
    }
}
