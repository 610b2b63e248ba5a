package com.crowdledger.infra;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.data-dir} ({@code CROWDLEDGER_DATA_DIR}): where the embedded default keeps PostgreSQL's data
 * and the mail it could not send, default {@code ./data}. {@code crowdledger.public-base-url}: the address users
 * reach the service at, used in links that go out by mail.
 */
@ConfigurationProperties("crowdledger")
public record PlatformSettings(Path dataDir, String publicBaseUrl) {
    public PlatformSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl;
    }
}
