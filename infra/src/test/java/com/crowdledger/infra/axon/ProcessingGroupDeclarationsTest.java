package com.crowdledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.processing.Subscribing;
import com.crowdledger.shared.processing.Tracking;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.junit.jupiter.api.Test;

class ProcessingGroupDeclarationsTest {

    @ProcessingGroup("view")
    @Subscribing
    static class View {
    }

    @ProcessingGroup("view")
    @Subscribing
    static class AnotherHandlerOfView {
    }

    @ProcessingGroup("feed")
    @Tracking(batchSize = 50, threads = 2)
    static class Feed {
    }

    @ProcessingGroup("forgotten")
    static class Undeclared {
    }

    @ProcessingGroup("view")
    @Tracking
    static class Contradicting {
    }

    @ProcessingGroup("confused")
    @Subscribing
    @Tracking
    static class Both {
    }

    @ProcessingGroup("audit")
    @Subscribing
    static class MatchingOnMetadata {
        @EventHandler
        void on(String event, @MetaDataValue(value = "actor", required = true) String actor) {
        }
    }

    @Test
    void eachGroupIsReadFromTheClassesThatHandleIt() {
        var declarations = ProcessingGroupDeclarations.declarations(
                List.of(View.class, AnotherHandlerOfView.class, Feed.class));
        assertThat(declarations).containsOnlyKeys("view", "feed");
        assertThat(declarations.get("view").subscribing()).isNotNull();
        assertThat(declarations.get("feed").tracking().batchSize()).isEqualTo(50);
        assertThat(declarations.get("feed").tracking().threads()).isEqualTo(2);
    }

    @Test
    void anUndeclaredGroupStopsTheStart() {
        assertThatThrownBy(() -> ProcessingGroupDeclarations.declarations(List.of(View.class, Undeclared.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("forgotten");
        assertThatThrownBy(() -> ProcessingGroupDeclarations.declarations(List.of(Both.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("confused");
    }

    @Test
    void twoClassesOfOneGroupMustAgree() {
        assertThatThrownBy(() -> ProcessingGroupDeclarations.declarations(List.of(View.class, Contradicting.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("view");
    }

    @Test
    void aSubscribingHandlerMatchingOnMetadataStopsTheStart() {
        assertThatThrownBy(() -> ProcessingGroupDeclarations.declarations(List.of(MatchingOnMetadata.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MatchingOnMetadata.on").hasMessageContaining("@MetaDataValue");
    }
}
