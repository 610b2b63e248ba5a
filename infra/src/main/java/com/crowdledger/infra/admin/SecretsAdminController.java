package com.crowdledger.infra.admin;

import com.crowdledger.infra.secrets.SecretRewrap;
import com.crowdledger.shared.web.OperatorOnly;
import com.crowdledger.shared.web.PublicEndpoint;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoint of a master-key rotation: re-wrap every stored secret under the current master key. */
@RestController
@PublicEndpoint
@OperatorOnly
class SecretsAdminController {
    private final SecretRewrap rewrap;

    SecretsAdminController(SecretRewrap rewrap) {
        this.rewrap = rewrap;
    }

    @PostMapping("/admin/secrets/rewrap")
    SecretRewrap.Result rewrap() {
        return rewrap.rewrapAll();
    }
}
