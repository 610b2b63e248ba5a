package com.crowdledger.command.tester;

import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Change a tester's profile; a null field stays as it is, an empty one clears it. */
public record ChangeTesterProfileCommand(
        @TargetAggregateIdentifier String testerId,
        Tenant tester,
        @Nullable Set<Platform> platforms,
        @Nullable List<String> devices,
        @Nullable String country) {
}
