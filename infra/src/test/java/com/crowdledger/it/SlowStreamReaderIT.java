package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client that stops reading its streams holds nothing that other streams need: its events wait in its streams'
 * bounded buffers while another recipient's stream keeps receiving on time, its streams are closed once they stay
 * full (a heartbeat, 1 s here), and it resumes with {@code Last-Event-ID} without missing anything.
 */
class SlowStreamReaderIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Nearly 4,000 code points of 4 bytes: about 16 KB an event, so the sockets fill after a few hundred. */
    private static final String BIG = "🐢".repeat(3980);
    private static final int MAX_BIG_MESSAGES = 600;
    /** Far above what a healthy stream takes on a loaded machine, far below what a blocked one would. */
    private static final Duration ON_TIME = Duration.ofSeconds(5);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClientThatStopsReadingDelaysNoOtherStreamAndResumesWithoutLoss() throws Exception {
        Crowdtesting crowd = new Crowdtesting(api);
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered slow = crowd.tester("test", "ios");
        TestAccounts.Registered healthy = crowd.tester("test", "ios");
        String campaignId = crowd.active(owner.key());
        ok(crowd.join(slow.key(), campaignId));
        ok(crowd.join(healthy.key(), campaignId));
        String toSlow = conversation(owner.key(), slow.accountId());
        String toHealthy = conversation(owner.key(), healthy.accountId());
        // the owner writes with several keys: the big messages would pass one key's 100 requests a minute
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            writers.add(accounts.issueKey(owner.key(), "writer " + i, List.of("chat"), "test").data().path("key")
                    .asText());
        }

        // three streams that stop reading after their first line: more than the old pump's two threads
        List<Socket> stalled = new ArrayList<>();
        try (SseClient reading = SseClient.open(api, healthy.key(), null)) {
            assertThat(reading.status()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                stalled.add(openAndStopReading(slow.key()));
            }
            Set<String> sent = new HashSet<>();
            int checks = 0;
            while (openSlots(slow.keyId()) > 0 && sent.size() < MAX_BIG_MESSAGES) {
                List<String> labels = new ArrayList<>();
                for (int i = 0; i < writers.size(); i++) {
                    labels.add("big-" + (sent.size() + i));
                }
                // one per writer key at once: the posting is the slow part of this test
                labels.parallelStream().forEach(label -> say(writers.get(Integer.parseInt(label.substring(4))
                        % writers.size()), toSlow, label + " " + BIG));
                sent.addAll(labels);
                checks++;
                say(writers.get(checks % writers.size()), toHealthy, "on time " + checks);
                SseClient.Event event = reading.next(ON_TIME);
                assertThat(event).as("the reading stream's event " + checks + " (after " + sent.size()
                        + " big ones to the stalled streams)").isNotNull();
                assertThat(JSON.readTree(event.data()).path("data").path("text").asText())
                        .isEqualTo("on time " + checks);
            }
            assertThat(openSlots(slow.keyId())).as("the stalled streams were closed, giving their slots back")
                    .isZero();

            // reading again, from the start: every message, in order, once
            try (SseClient resumed = SseClient.open(api, slow.key(), "0")) {
                assertThat(resumed.status()).isEqualTo(200);
                List<String> labels = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                for (SseClient.Event event : resumed.next(sent.size(), Duration.ofSeconds(15))) {
                    String text = JSON.readTree(event.data()).path("data").path("text").asText();
                    labels.add(text.substring(0, text.indexOf(' ')));
                    ids.add(Long.parseLong(event.id()));
                }
                assertThat(labels).containsExactlyInAnyOrderElementsOf(sent);
                assertThat(ids).isSorted();
                assertThat(resumed.next(Duration.ofMillis(300))).as("nothing twice").isNull();
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private String conversation(String ownerKey, String testerAccountId) {
        return ok(api.post("/v1/chat/conversations").key(ownerKey).body(Map.of("contactId", testerAccountId))
                .send()).path("id").asText();
    }

    private void say(String key, String conversationId, String text) {
        ok(api.post("/v1/chat/conversations/" + conversationId + "/messages").key(key).body(Map.of("text", text))
                .send());
    }

    private int openSlots(String keyId) {
        return jdbc.queryForObject("select count(*) from notification_stream_slots where key_id = ?", Integer.class,
                keyId);
    }

    /**
     * A stream over a plain socket with a small receive buffer, read up to its opening comment and never again: the
     * server's writes to it stop once the sockets' buffers are full.
     */
    private Socket openAndStopReading(String key) throws IOException {
        URI base = URI.create(api.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(15_000);
        socket.getOutputStream().write(("GET " + SseClient.PATH + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer " + key + "\r\n"
                + "Accept: text/event-stream\r\n"
                + "X-Forwarded-For: " + api.clientAddress() + "\r\n"
                + "X-Forwarded-Proto: https\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().contains(": stream open")) {
            int next = in.read();
            assertThat(next).as("the stream's start: " + head).isNotNegative();
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
        return socket;
    }
}
