package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded default's PostgreSQL and data directory are closed to other users of the machine. */
class EmbeddedDatabaseIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theDatabaseAsksForItsPasswordAndTheDataDirectoryIsTheOwnersOnly() throws Exception {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong")).isInstanceOf(SQLException.class);
        try (var connection = DriverManager.getConnection(url, "postgres", TestInfrastructure.databasePassword())) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(TestInfrastructure.DATA_DIR)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                TestInfrastructure.DATA_DIR.resolve("postgres.password")))).isEqualTo("rw-------");
    }
}
