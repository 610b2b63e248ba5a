package com.crowdledger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void madeIdsHaveTheirPrefix() {
        String id = Ids.next(Ids.CAMPAIGN);
        assertThat(id).startsWith("camp_").hasSize(5 + 22);
        assertThat(Ids.hasPrefix(id, Ids.CAMPAIGN)).isTrue();
    }

    @Test
    void anIdOfAnotherKindNamesNothing() {
        assertThat(Ids.hasPrefix(Ids.next(Ids.BUG), Ids.CAMPAIGN)).isFalse();
        assertThat(Ids.hasPrefix("camp_", Ids.CAMPAIGN)).isFalse();
        assertThat(Ids.hasPrefix(null, Ids.CAMPAIGN)).isFalse();
    }

    @Test
    void anythingButBase62AfterThePrefixNamesNothing() {
        assertThat(Ids.hasPrefix("camp_abc\u0000", Ids.CAMPAIGN)).isFalse();
        assertThat(Ids.hasPrefix("camp_a b", Ids.CAMPAIGN)).isFalse();
        assertThat(Ids.hasPrefix("camp_a'--", Ids.CAMPAIGN)).isFalse();
        assertThat(Ids.hasPrefix("camp_é", Ids.CAMPAIGN)).isFalse();
        assertThat(Ids.hasPrefix("camp_" + "a".repeat(65), Ids.CAMPAIGN)).isFalse();
        assertThat(Ids.hasPrefix("camp_" + "a".repeat(64), Ids.CAMPAIGN)).isTrue();
    }
}
