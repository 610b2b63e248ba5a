package com.crowdledger.it;

import com.crowdledger.CrowdledgerApplication;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second node of the service on the tests' PostgreSQL, started once for every IT that needs one (a start costs
 * seconds) and stopped with the test JVM. It runs as production does: HTTPS only, behind a trusted proxy (127.0.0.1)
 * that terminates TLS; {@link #api()} goes through that proxy. It also has a route that takes keys only
 * ({@link KeyOnlyRoute}).
 */
final class SecondInstance {
    private static ConfigurableApplicationContext context;

    private SecondInstance() {
    }

    /** A client of the second node behind its TLS-terminating proxy. */
    static synchronized ApiClient api(DataSource sharedDatabase) {
        if (context == null) {
            context = start(((HikariDataSource) sharedDatabase).getJdbcUrl());
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient("http://localhost:" + port).viaTlsProxy();
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        try {
            return new SpringApplicationBuilder(CrowdledgerApplication.class)
                    .properties(Map.of(
                            "server.port", "0",
                            "spring.datasource.url", jdbcUrl,
                            "spring.datasource.username", "postgres",
                            "crowdledger.security.allow-http", "false",
                            "crowdledger.security.trusted-proxies", TestInfrastructure.TRUSTED_PROXIES,
                            "crowdledger.master-key", TestInfrastructure.MASTER_KEY,
                            "crowdledger.data-dir", Files.createTempDirectory("crowdledger-second-").toString(),
                            KeyOnlyRoute.ENABLED, "true"))
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
