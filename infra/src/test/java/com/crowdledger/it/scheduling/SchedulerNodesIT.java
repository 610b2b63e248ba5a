package com.crowdledger.it.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.OtherNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances of the service sharing one {@code scheduled_tasks} table: a task outlives the node that
 * scheduled it, a one-time task runs once although every node polls, and a recurring task runs on one node at a time.
 *
 * <p>The nodes get a database of their own on the test PostgreSQL, so that only they poll it (the shared test
 * context polls its own), and one thread each. Executions can be held at a gate, which shows without any timing
 * which node holds what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulerNodesIT extends IntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final TaskDescriptor<Probe> PROBE = TaskDescriptor.of("test-probe", Probe.class);
    private static final String NODE_B = "node-b";
    private static final String NODE_C = "node-c";

    /** The data of a probe task, stored as JSON like a feature's. */
    record Probe(String label) {
    }

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcTemplate jdbc;

    private String jdbcUrl;
    private ConfigurableApplicationContext nodeB;
    private ConfigurableApplicationContext nodeC;

    /** Probe label → the nodes that ran it. */
    private final Map<String, List<String>> probeRuns = new ConcurrentHashMap<>();
    /** Node → probes it is running now. */
    private final Map<String, AtomicInteger> probesHeld = new ConcurrentHashMap<>();
    private volatile CountDownLatch probeGate = new CountDownLatch(0);

    private final AtomicInteger recurringRunning = new AtomicInteger();
    private final AtomicInteger recurringMostAtOnce = new AtomicInteger();
    private final AtomicInteger recurringRuns = new AtomicInteger();
    private volatile String recurringHeldBy;
    private volatile CountDownLatch recurringGate = new CountDownLatch(0);

    @BeforeAll
    void startNodesAfterARestart() {
        jdbc.execute("create database scheduler_nodes");
        jdbcUrl = postgres.getJdbcUrl("postgres", "scheduler_nodes");

        // node a schedules a task for one second later and shuts down; paused first, it can never run the task
        ConfigurableApplicationContext nodeA = startNode("node-a");
        Scheduler scheduler = nodeA.getBean(Scheduler.class);
        scheduler.pause();
        scheduler.schedule(PROBE.instance("survivor").data(new Probe("survivor")).build(),
                Instant.now().plusSeconds(1));
        nodeA.close();

        nodeB = startNode(NODE_B);
        nodeC = startNode(NODE_C);
    }

    @AfterAll
    void stopNodes() {
        probeGate.countDown();
        recurringGate.countDown();
        nodeB.close();
        nodeC.close();
    }

    @Test
    void aTaskScheduledBeforeARestartRunsOnceAfterIt() {
        await().atMost(PATIENCE).until(() -> probeRuns.containsKey("survivor"));
        assertThat(probeRuns.get("survivor")).hasSize(1).containsAnyOf(NODE_B, NODE_C);
    }

    @Test
    void eachOneTimeTaskRunsOnceWhileBothNodesPoll() {
        List<String> labels = IntStream.range(0, 4).mapToObj(i -> "batch-" + i).toList();
        probeGate = new CountDownLatch(1);
        try {
            labels.forEach(this::scheduleProbe);
            // each node claims what it has threads for (one), so both hold a task at the same time
            await().atMost(PATIENCE).until(() -> held(NODE_B) == 1 && held(NODE_C) == 1);
        } finally {
            probeGate.countDown();
        }
        await().atMost(PATIENCE).until(() -> probeRuns.keySet().containsAll(labels));
        assertThat(labels).allSatisfy(label -> assertThat(probeRuns.get(label)).hasSize(1));
        await().atMost(PATIENCE).until(() -> nodeB.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from scheduled_tasks where task_name = ?", Integer.class, PROBE.getTaskName()) == 0);
    }

    @Test
    void aRecurringTaskRunsOnOneNodeAtATime() {
        recurringGate = new CountDownLatch(1);
        try {
            await().atMost(PATIENCE).until(() -> recurringHeldBy != null);
            String other = NODE_B.equals(recurringHeldBy) ? NODE_C : NODE_B;
            // the holder has no thread left; the other node polls for each probe, passing over the held execution
            for (int i = 0; i < 5; i++) {
                String label = "while-held-" + i;
                scheduleProbe(label);
                await().atMost(PATIENCE).until(() -> probeRuns.containsKey(label));
                assertThat(probeRuns.get(label)).containsExactly(other);
            }
            assertThat(recurringRunning.get()).isEqualTo(1);
        } finally {
            recurringGate.countDown();
        }
        int runs = recurringRuns.get();
        await().atMost(PATIENCE).until(() -> recurringRuns.get() >= runs + 5);
        assertThat(recurringMostAtOnce.get()).isEqualTo(1);
    }

    private ConfigurableApplicationContext startNode(String name) {
        OneTimeTask<Probe> probe = Tasks.oneTime(PROBE)
                .execute((instance, context) -> runProbe(name, instance.getData()));
        RecurringTask<Void> recurring = Tasks.recurring("test-recurring", FixedDelay.ofMillis(100))
                .execute((instance, context) -> runRecurring(name));
        // how a feature adds a task: a Task bean
        return OtherNode.start(name, jdbcUrl, List.of("db-scheduler.scheduler-name=" + name,
                        "db-scheduler.polling-interval=100ms", "db-scheduler.threads=1"),
                context -> {
                    GenericApplicationContext beans = (GenericApplicationContext) context;
                    beans.registerBean("probeTask", OneTimeTask.class, () -> probe);
                    beans.registerBean("recurringProbeTask", RecurringTask.class, () -> recurring);
                });
    }

    private void scheduleProbe(String label) {
        nodeB.getBean(Scheduler.class).schedule(PROBE.instance(label).data(new Probe(label)).build(), Instant.now());
    }

    private void runProbe(String node, Probe probe) {
        probeRuns.computeIfAbsent(probe.label(), label -> new CopyOnWriteArrayList<>()).add(node);
        AtomicInteger held = probesHeld.computeIfAbsent(node, n -> new AtomicInteger());
        held.incrementAndGet();
        try {
            pass(probeGate);
        } finally {
            held.decrementAndGet();
        }
    }

    private void runRecurring(String node) {
        recurringMostAtOnce.accumulateAndGet(recurringRunning.incrementAndGet(), Math::max);
        try {
            CountDownLatch gate = recurringGate;
            if (gate.getCount() > 0) {
                recurringHeldBy = node;
            }
            pass(gate);
        } finally {
            recurringHeldBy = null;
            recurringRunning.decrementAndGet();
            recurringRuns.incrementAndGet();
        }
    }

    private int held(String node) {
        AtomicInteger held = probesHeld.get(node);
        return held == null ? 0 : held.get();
    }

    private static void pass(CountDownLatch gate) {
        try {
            gate.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
