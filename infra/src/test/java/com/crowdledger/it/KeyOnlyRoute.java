package com.crowdledger.it;

import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A route that takes API keys only (no dashboard session), as feature routes will; none of the routes built so far
 * is one. Present on {@link SecondInstance} only, so the main test instance serves exactly the product's routes.
 */
@RestController
@ConditionalOnProperty(KeyOnlyRoute.ENABLED)
class KeyOnlyRoute {
    static final String ENABLED = "crowdledger.test.key-only-route";
    static final String PATH = "/v1/test/key-only";

    @GetMapping(PATH)
    @Authenticated
    Map<String, String> whoAmI(Caller caller) {
        return Map.of("accountId", caller.accountId());
    }
}
