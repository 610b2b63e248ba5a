package com.crowdledger.infra.admin;

import com.crowdledger.infra.secrets.SecretRewrap;
import com.crowdledger.shared.web.PublicEndpoint;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoint of a master-key rotation: re-wrap every stored secret under the current master key. */
@RestController
@PublicEndpoint
class SecretsAdminController {
    private final OperatorToken operator;
    private final SecretRewrap rewrap;

    SecretsAdminController(OperatorToken operator, SecretRewrap rewrap) {
        this.operator = operator;
        this.rewrap = rewrap;
    }

    @PostMapping("/admin/secrets/rewrap")
    SecretRewrap.Result rewrap(@RequestHeader(name = "Authorization", required = false) String authorization) {
        operator.require(authorization);
        return rewrap.rewrapAll();
    }
}
