package com.crowdledger.query.tester;

import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.Tenant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The platforms a tester tests on, from its profile in the tenant's mode (none without a profile). */
@Component
public class TesterPlatforms {
    private final TesterProfileRowRepository profiles;

    TesterPlatforms(TesterProfileRowRepository profiles) {
        this.profiles = profiles;
    }

    public Set<Platform> of(Tenant tester) {
        return profiles.findOwn(tester).map(TesterProfileRow::platforms).orElseGet(() -> EnumSet.noneOf(Platform.class));
    }
}
