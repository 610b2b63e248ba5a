package com.crowdledger.it;

import com.crowdledger.shared.crypto.MasterKey;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real parts every integration test shares, started once per test JVM: an SMTP server (GreenMail), a Kafka
 * broker (in-process KRaft) and a fresh data directory, under which the service starts its embedded PostgreSQL.
 */
public final class TestInfrastructure {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** The master key of every instance the tests start (instances that share a database share it). */
    public static final String MASTER_KEY = MasterKey.generate().toBase64();
    /** The tests' HTTP client connects from loopback; instances trust it as a proxy (see {@link ApiClient}). */
    public static final String TRUSTED_PROXIES = "127.0.0.1,::1";
    public static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    public static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 1);
    public static final Path DATA_DIR;
    /**
     * Webhooks in every instance the tests start: receivers run on 127.0.0.1 over plain http, retries come within
     * seconds (jittered by 10 %) instead of the production minutes and hours, and a due delivery is claimed within
     * 200 ms by any node.
     */
    public static final Map<String, String> WEBHOOK_SETTINGS = Map.of(
            "crowdledger.webhooks.allow-private-networks", "true",
            "crowdledger.webhooks.retry-delays", "1s,1s,1s,1s,1s,1s,1s",
            "crowdledger.webhooks.poll-interval", "200ms");

    static {
        SMTP.start();
        KAFKA.brokerProperty("auto.create.topics.enable", "true");
        KAFKA.afterPropertiesSet();
        try {
            DATA_DIR = Files.createTempDirectory("crowdledger-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::deleteDataDirectory, "it-data-cleanup"));
    }

    /**
     * Deletes the data directory (about 100 MB a run) at exit, once the service's PostgreSQL has stopped: the Spring
     * contexts stop it from their own shutdown hooks, which run beside this one. A directory still in use after
     * 10 s is left.
     */
    private static void deleteDataDirectory() {
        Path pid = DATA_DIR.resolve("postgres").resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(pid)) {
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
        try (Stream<Path> paths = Files.walk(DATA_DIR)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the temp directory's own cleaning
        }
    }

    private TestInfrastructure() {
    }

    /** The password of the embedded PostgreSQL the tests' service started (other nodes connect with it). */
    public static String databasePassword() {
        try {
            return Files.readString(DATA_DIR.resolve("postgres.password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
