package com.crowdledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WireNamesTest {

    @Test
    void constantsReadFromTheirLowerCaseNameAndTheirAliases() {
        assertThat(Role.fromWire("owner")).isEqualTo(Role.OWNER);
        assertThat(Role.fromWire("game_owner")).isEqualTo(Role.OWNER);
        assertThat(Scope.fromWire("game_owner")).isEqualTo(Scope.GAME_OWNER);
        assertThat(Role.OWNER.wireName()).isEqualTo("owner");
    }

    @Test
    void wireNamesDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "LIVE".toLowerCase() is "lıve" there
        try {
            assertThat(Mode.LIVE.wireName()).isEqualTo("live");
            assertThat(Scope.BILLING.wireName()).isEqualTo("billing");
            assertThat(Mode.fromWire("live")).isEqualTo(Mode.LIVE);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anUnknownNameListsTheAllowedOnes() {
        assertThatThrownBy(() -> Role.fromWire("OWNER")).isInstanceOf(WireNames.UnknownName.class)
                .hasMessage("must be one of owner, tester");
        assertThatThrownBy(() -> Mode.fromWire(null)).isInstanceOf(WireNames.UnknownName.class);
    }
}
