package com.crowdledger.infra.web;

import com.crowdledger.infra.embedded.EmbeddedDefault;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * {@code crowdledger.security.*}.
 *
 * @param allowHttp       accept plain HTTP; unset means "only on the embedded default" (which warns)
 * @param trustedProxies  addresses or CIDR ranges whose {@code X-Forwarded-Proto} is believed
 * @param maxBodyBytes    the largest request body accepted (default 1 MiB); larger ones get 413
 */
@ConfigurationProperties("crowdledger.security")
public record SecuritySettings(Boolean allowHttp, List<String> trustedProxies, Long maxBodyBytes) {
    public SecuritySettings {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
    }

    /** Plain HTTP is allowed when set so, or when unset on the embedded default. */
    public boolean allowsHttp(Environment environment) {
        return allowHttp != null ? allowHttp : EmbeddedDefault.isActive(environment);
    }
}
