package com.crowdledger.it.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crowdledger.it.ApiClient;
import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.OtherNode;
import com.crowdledger.it.TestAccounts;
import com.crowdledger.it.TestInfrastructure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dispatcher nodes sharing one delivery queue, on a database of their own (so that only they send from it): two nodes
 * sending at once never make one attempt twice, and a delivery waiting for its retry while every node is down is
 * delivered once a node is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookNodesIT extends IntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Long enough to stop every node between a failed attempt and its retry. */
    private static final String RETRY_DELAYS = "8s,8s,8s,8s,8s,8s,8s";

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcTemplate jdbc;

    private String jdbcUrl;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private ConfigurableApplicationContext nodeC;
    private WebhookReceiver receiver;

    @BeforeAll
    void startTwoNodes() {
        jdbc.execute("create database webhook_nodes");
        jdbcUrl = postgres.getJdbcUrl("postgres", "webhook_nodes");
        receiver = WebhookReceiver.start();
        nodeA = startNode("node-a");
        nodeB = startNode("node-b");
    }

    @AfterAll
    void stopNodes() {
        receiver.close();
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB, nodeC}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void twoNodesSendingTogetherNeverMakeOneAttemptTwice() {
        ApiClient a = OtherNode.client(nodeA);
        ApiClient b = OtherNode.client(nodeB);
        TestAccounts.Registered owner = new TestAccounts(a).verifiedOwner("test");
        WebhookApi.Endpoint endpoint = new WebhookApi(a).create(owner.key(), receiver,
                List.of("webhook.endpoint_changed"));
        // slower than events come, so that a backlog builds up for both nodes to claim from
        receiver.delay(endpoint.path(), 200);
        int events = 120;
        for (int i = 0; i < events; i++) {
            new WebhookApi(i % 2 == 0 ? a : b).touch(owner.key(), endpoint.id());
        }

        JdbcTemplate shared = nodeA.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).until(() -> shared.queryForObject(
                "select count(*) from deliveries where target_id = ? and status = 'SUCCEEDED'", Integer.class,
                endpoint.id()) == events);
        Map<String, Long> byWebhookId = receiver.at(endpoint.path()).stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        assertThat(byWebhookId).hasSize(events);
        assertThat(byWebhookId.values()).as("each event delivered once").containsOnly(1L);
        assertThat(shared.queryForList("select sent_by from delivery_attempts a join deliveries d on d.id = "
                + "a.delivery_id where d.target_id = ?", String.class, endpoint.id()))
                .hasSize(events).as("both nodes sent").contains("node-a", "node-b");
    }

    @Test
    @Order(2)
    void aRetryDueWhileEveryNodeIsDownIsMadeWhenOneIsBack() {
        ApiClient a = OtherNode.client(nodeA);
        TestAccounts.Registered owner = new TestAccounts(a).verifiedOwner("test");
        WebhookApi.Endpoint endpoint = new WebhookApi(a).create(owner.key(), receiver, List.of("webhook.test"));
        receiver.answer(endpoint.path(), 500);
        assertThat(a.post("/v1/webhooks/" + endpoint.id() + "/test").key(owner.key()).send().status())
                .isEqualTo(202);
        JdbcTemplate shared = nodeA.getBean(JdbcTemplate.class);
        Function<String, Map<String, Object>> delivery = id -> shared.queryForMap(
                "select status, attempts, last_status_code from deliveries where target_id = ?", id);
        await().atMost(PATIENCE).until(() -> delivery.apply(endpoint.id()).get("last_status_code") != null);

        nodeA.close();
        nodeB.close();
        Map<String, Object> waiting = new JdbcTemplate(postgresDataSource()).queryForMap(
                "select status, attempts from deliveries where target_id = ?", endpoint.id());
        assertThat(waiting).containsEntry("status", "PENDING").containsEntry("attempts", 1);

        nodeC = startNode("node-c");
        JdbcTemplate afterRestart = nodeC.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).until(() -> "SUCCEEDED".equals(afterRestart.queryForObject(
                "select status from deliveries where target_id = ?", String.class, endpoint.id())));
        List<WebhookReceiver.Received> attempts = receiver.at(endpoint.path());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).header("webhook-id")).isEqualTo(attempts.get(0).header("webhook-id"));
        assertThat(StandardWebhooks.verify(endpoint.secret(), attempts.get(1))).isTrue();
        assertThat(afterRestart.queryForList("select sent_by from delivery_attempts a join deliveries d on d.id = "
                + "a.delivery_id where d.target_id = ? order by attempt", String.class, endpoint.id()))
                .last().isEqualTo("node-c");
    }

    private javax.sql.DataSource postgresDataSource() {
        return postgres.getDatabase("postgres", "webhook_nodes");
    }

    private ConfigurableApplicationContext startNode(String name) {
        return OtherNode.start(name, jdbcUrl, List.of("db-scheduler.scheduler-name=" + name,
                "crowdledger.webhooks.retry-delays=" + RETRY_DELAYS,
                "crowdledger.ratelimit.enabled=false",
                "crowdledger.security.trusted-proxies=" + TestInfrastructure.TRUSTED_PROXIES,
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestInfrastructure.SMTP.getSmtp().getPort()));
    }
}
