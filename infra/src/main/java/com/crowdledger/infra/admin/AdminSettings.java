package com.crowdledger.infra.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code crowdledger.admin-token} ({@code CROWDLEDGER_ADMIN_TOKEN}): guards the operator endpoints; unset = off. */
@ConfigurationProperties("crowdledger")
record AdminSettings(String adminToken) {
    boolean enabled() {
        return adminToken != null && !adminToken.isBlank();
    }
}
