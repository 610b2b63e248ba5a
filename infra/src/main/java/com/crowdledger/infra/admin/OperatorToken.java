package com.crowdledger.infra.admin;

import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Guards the operator endpoints ({@code /admin/*}): {@code Authorization: Bearer $CROWDLEDGER_ADMIN_TOKEN}. With no
 * token configured they do not exist (404).
 */
@Component
class OperatorToken {
    private final AdminSettings settings;

    OperatorToken(AdminSettings settings) {
        this.settings = settings;
    }

    void require(String authorization) {
        if (!settings.enabled()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such route");
        }
        if (!Digests.constantTimeEquals("Bearer " + settings.adminToken(), authorization)) {
            throw new DomainException(ErrorCode.INVALID_API_KEY, "The operator token is missing or wrong");
        }
    }
}
