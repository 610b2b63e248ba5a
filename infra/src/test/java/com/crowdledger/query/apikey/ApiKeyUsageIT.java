package com.crowdledger.query.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The node-local buffer of {@code lastUsedAt}: what is still in memory when the application closes is written. */
class ApiKeyUsageIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void closingWritesWhatIsStillBuffered() throws InterruptedException {
        ApiKeyUsage usage = new ApiKeyUsage(jdbc, Duration.ofHours(1));
        String keyId = "key_" + UUID.randomUUID().toString().replace("-", "");
        Instant usedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        usage.recordUse(keyId, usedAt);

        usage.destroy();

        assertThat(jdbc.queryForObject("select last_used_at from api_key_usage where key_id = ?", Timestamp.class,
                keyId).toInstant()).isEqualTo(usedAt);
    }
}
