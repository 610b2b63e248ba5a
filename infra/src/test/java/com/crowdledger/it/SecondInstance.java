package com.crowdledger.it;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
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
        return OtherNode.client(context).viaTlsProxy();
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        return OtherNode.start("second", jdbcUrl, List.of(
                "crowdledger.security.allow-http=false",
                "crowdledger.security.trusted-proxies=" + TestInfrastructure.TRUSTED_PROXIES,
                KeyOnlyRoute.ENABLED + "=true"));
    }
}
