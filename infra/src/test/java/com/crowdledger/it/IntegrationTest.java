package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.CrowdledgerApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every *IT: the whole service on a random port, over real HTTP, on a real PostgreSQL, with mail going to
 * GreenMail and events to a real Kafka broker. All subclasses share one Spring context (same configuration). Every
 * response a test receives through {@link ApiClient} must match the API description ({@link ApiContract}).
 */
@SpringBootTest(classes = CrowdledgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected ApiClient api;
    protected TestAccounts accounts;

    @DynamicPropertySource
    static void realParts(DynamicPropertyRegistry registry) {
        registry.add("crowdledger.data-dir", () -> TestInfrastructure.DATA_DIR.toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestInfrastructure.SMTP.getSmtp().getPort());
        registry.add("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.KAFKA::getBrokersAsString);
        registry.add("crowdledger.admin-token", () -> TestInfrastructure.ADMIN_TOKEN);
        registry.add("crowdledger.master-key", () -> TestInfrastructure.MASTER_KEY);
        // the real per-address limits: every ApiClient is a client address of its own behind this "proxy"
        registry.add("crowdledger.security.trusted-proxies", () -> TestInfrastructure.TRUSTED_PROXIES);
        // due tasks and deadlines run within a fraction of a second, not the production 5 s
        registry.add("db-scheduler.polling-interval", () -> "200ms");
        // notification streams' heartbeat comes every second, not every 15 s, so a test sees a few
        registry.add("crowdledger.notifications.heartbeat", () -> "1s");
        // a database that lives for one run need not wait for the disk
        registry.add("crowdledger.embedded-postgres.durable", () -> "false");
        // tracking's hold periods and attribution windows count in days of 3 s, so tests can see them end
        registry.add("crowdledger.tracking.day", () -> TrackingFixtures.DAY.toString());
        // a slot's reservation lasts 20 s (reminder 10 s before its end), so tests can see it lapse
        registry.add("crowdledger.playtest.reservation-lifetime", () -> "PT20S");
        registry.add("crowdledger.playtest.reservation-warning", () -> "PT10S");
        // a processing payment is asked about every second
        registry.add("crowdledger.billing.payment-poll-interval", () -> "PT1S");
        // a top-up whose provider answer was lost is asked about again after 2 s
        registry.add("crowdledger.billing.payment-recovery-after", () -> "PT2S");
        // the sandbox's cards credit live mode too, so live money rules can be tested
        registry.add("crowdledger.billing.sandbox-in-live", () -> "true");
        TestInfrastructure.WEBHOOK_SETTINGS.forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void connect() {
        api = new ApiClient("http://localhost:" + port);
        accounts = new TestAccounts(api);
        ApiContract.takeViolations();
    }

    /** Also the violations on threads a test started, whose failures the test may not have seen. */
    @AfterEach
    void responsesMatchedTheApiDescription() {
        assertThat(ApiContract.takeViolations()).as("responses that do not match the API description").isEmpty();
    }
}
