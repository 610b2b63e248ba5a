import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Holds STREAMS open notification streams and posts chat messages at RATE per second (single-file program, JDK only).
 *
 * <p>Setup, through the API: an owner with a campaign, STREAMS / 5 testers who join it (each verified through the
 * mail the embedded default writes under MAIL_DIR), and the owner's conversation with each. Every tester key opens
 * 5 streams (the per-key limit), read with the JDK HttpClient's non-blocking line subscribers (no thread per stream).
 * The server's memory is taken before and after the streams open (heap used after a full GC, with jcmd; RSS from
 * /proc), and divided by the number of streams.
 *
 * <p>Load: POSTERS threads post messages from the owner to the testers in turn, message k at start + k / RATE; each
 * message must reach the 5 streams of its tester. A delivery's latency is counted from the message's intended
 * moment (not from when the request left, so a stalled service cannot hide) to the moment its event is read, and
 * also from the moment its POST was answered (the command committed: what the stream itself adds).
 *
 * <p>Usage: {@code java StreamLoad.java BASE MAIL_DIR SERVER_PID STREAMS RATE SECONDS}. Prints, for the shell:
 * <pre>
 * memory STREAMS HEAP_BEFORE_MB HEAP_AFTER_MB HEAP_PER_STREAM_KB RSS_BEFORE_MB RSS_AFTER_MB RSS_PER_STREAM_KB
 * load SENT SECONDS POST_ERRORS
 * delivery EXPECTED RECEIVED MISSING DUPLICATES P50_MS P99_MS MAX_MS COMMIT_P50_MS COMMIT_P99_MS COMMIT_MAX_MS
 * </pre>
 */
public final class StreamLoad {
    static final int PER_KEY = 5;
    static final AtomicLong REGISTERED = new AtomicLong();
    static final int POSTERS = 32;
    static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
    static final Pattern ACCOUNT_ID = Pattern.compile("\"account\":\\{\"id\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    /** The token as the mail's last line quotes it: a match is a complete token, even in a mail still being written. */
    static final Pattern TOKEN = Pattern.compile("\"token\": \"([A-Za-z0-9_-]+)\"");
    static final Pattern TEXT = Pattern.compile("\"text\":\"bench (\\d+)\"");

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final Path mailDir;
    /** When each message was due to be sent (nanoTime), by its number. */
    final Map<Long, Long> due = new ConcurrentHashMap<>();
    /** When each message's POST was answered 201 (nanoTime): its command had committed. */
    final Map<Long, Long> committed = new ConcurrentHashMap<>();
    /** The latency of every delivery in ms, from the intended moment and from the commit; the pairs seen. */
    final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Long> afterCommit = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong postErrors = new AtomicLong();
    final AtomicLong opened = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    StreamLoad(String base, Path mailDir) {
        this.base = base;
        this.mailDir = mailDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java StreamLoad.java BASE MAIL_DIR SERVER_PID STREAMS RATE SECONDS");
            System.exit(2);
        }
        StreamLoad load = new StreamLoad(args[0], Path.of(args[1]));
        long pid = Long.parseLong(args[2]);
        int streams = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);
        int seconds = Integer.parseInt(args[5]);
        try {
            load.run(pid, streams / PER_KEY, rate, seconds);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2); // the open streams' and the setup's threads would keep the JVM alive
        }
    }

    void run(long pid, int testers, double rate, int seconds) throws Exception {
        String[] owner = register("owner");
        String campaign = find(ID, call("POST", "/v1/campaigns", owner[1], "{\"name\":\"Bench\",\"platform\":\"web\","
                + "\"testersRequired\":1000,\"rewardPerBug\":1}", 201));
        call("POST", "/v1/campaigns/" + campaign + "/launch", owner[1], null, 200);
        List<String[]> members = new ArrayList<>(); // tester key, conversation id
        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<Future<String[]>> joining = new ArrayList<>();
        for (int i = 0; i < testers; i++) {
            joining.add(setup.submit(() -> {
                String[] tester = register("tester");
                call("PATCH", "/v1/testers/me", tester[1], "{\"platforms\":[\"web\"]}", 200);
                call("POST", "/v1/campaigns/" + campaign + "/join", tester[1], null, 201);
                String conversation = find(ID, call("POST", "/v1/chat/conversations", owner[1],
                        "{\"contactId\":\"" + tester[0] + "\"}", 201));
                return new String[] {tester[1], conversation};
            }));
        }
        for (Future<String[]> member : joining) {
            members.add(member.get());
        }
        setup.shutdown();
        System.err.println("setup: " + testers + " testers with a conversation each");

        long[] before = memory(pid);
        int streams = members.size() * PER_KEY;
        for (int i = 0; i < members.size(); i++) {
            for (int s = 0; s < PER_KEY; s++) {
                openStream(members.get(i)[0], i * PER_KEY + s);
            }
        }
        long openBy = System.nanoTime() + 120_000_000_000L;
        while (opened.get() < streams && System.nanoTime() < openBy) {
            Thread.sleep(100);
        }
        if (opened.get() < streams || refused.get() > 0) {
            throw new IllegalStateException(opened.get() + " of " + streams + " streams opened, " + refused.get()
                    + " refused");
        }
        Thread.sleep(1000);
        long[] after = memory(pid);
        System.out.printf("memory %d %.1f %.1f %.1f %.1f %.1f %.1f%n", streams, before[0] / 1048576.0,
                after[0] / 1048576.0, (after[0] - before[0]) / 1024.0 / streams, before[1] / 1048576.0,
                after[1] / 1048576.0, (after[1] - before[1]) / 1024.0 / streams);

        long total = Math.round(rate * seconds);
        long start = System.nanoTime() + 100_000_000L;
        List<Thread> posters = new ArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
            int poster = p;
            Thread thread = new Thread(() -> {
                for (long k = poster; k < total; k += POSTERS) {
                    long at = start + (long) (k * 1e9 / rate);
                    LockSupport.parkNanos(at - System.nanoTime());
                    due.put(k, at);
                    String[] member = members.get((int) (k % members.size()));
                    try {
                        call("POST", "/v1/chat/conversations/" + member[1] + "/messages", owner[1],
                                "{\"text\":\"bench " + k + "\"}", 201);
                        committed.put(k, System.nanoTime());
                    } catch (Exception e) {
                        if (postErrors.incrementAndGet() <= 5) {
                            System.err.println("post failed: " + e.getMessage());
                        }
                    }
                }
            });
            thread.start();
            posters.add(thread);
        }
        for (Thread thread : posters) {
            thread.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("load %d %.1f %d%n", total, took, postErrors.get());
        long expected = total * PER_KEY;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (seen.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long[] sorted = sorted(latencies);
        long[] fromCommit = sorted(afterCommit);
        System.out.printf("delivery %d %d %d %d %d %d %d %d %d %d%n", expected, seen.size(), expected - seen.size(),
                duplicates.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], percentile(fromCommit, 0.50),
                percentile(fromCommit, 0.99), fromCommit.length == 0 ? 0 : fromCommit[fromCommit.length - 1]);
    }

    /**
     * A stream read line by line without a thread of its own (the HttpClient's non-blocking subscriber); each
     * event's message number and arrival recorded. Counted as open at its first line (the server's opening comment).
     */
    void openStream(String key, int stream) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/notifications/stream"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").GET().build();
        Flow.Subscriber<String> lines = new Flow.Subscriber<>() {
                    boolean first = true;

                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (first) {
                            first = false;
                            opened.incrementAndGet();
                        }
                        Matcher text = TEXT.matcher(line);
                        if (line.startsWith("data:") && text.find()) {
                            long k = Long.parseLong(text.group(1));
                            long now = System.nanoTime();
                            Long at = due.get(k);
                            if (!seen.add(stream + ":" + k)) {
                                duplicates.incrementAndGet();
                            } else if (at != null) {
                                latencies.add((now - at) / 1_000_000);
                                // an event can arrive before its POST's answer: that counts as 0
                                Long done = committed.get(k);
                                afterCommit.add(done == null ? 0 : Math.max(0, (now - done) / 1_000_000));
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        System.err.println("stream " + stream + " failed: " + throwable);
                    }

                    @Override
                    public void onComplete() {
                    }
                };
        client.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                refused.incrementAndGet();
                System.err.println("stream " + stream + " answered " + info.statusCode());
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
        });
    }

    /** Heap used after a full GC, and RSS, in bytes. */
    static long[] memory(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String heap = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        long usedBytes = 0;
        if (used.find()) {
            usedBytes = Long.parseLong(used.group(1)) * 1024;
        }
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return new long[] {usedBytes, rss};
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    /** Registers an account of the role (test mode), verifies it through its mail; its account id and key. */
    String[] register(String role) throws Exception {
        String email = "bench-" + role + "-" + ProcessHandle.current().pid() + "-" + REGISTERED.incrementAndGet()
                + "@example.com";
        String body = call("POST", "/v1/auth/register/api-key", null, "{\"email\":\"" + email + "\","
                + "\"password\":\"bench-password-1234\",\"role\":\"" + role + "\",\"name\":\"Bench " + role + "\","
                + "\"mode\":\"test\"}", 201);
        String token = null;
        for (int i = 0; i < 100 && token == null; i++) {
            try (Stream<Path> mails = Files.list(mailDir)) {
                for (Path mail : mails.toList()) {
                    if (mail.getFileName().toString().contains(email)) {
                        Matcher found = TOKEN.matcher(Files.readString(mail)); // it may still be being written
                        token = found.find() ? found.group(1) : null;
                    }
                }
            } catch (IOException notYet) {
                // the directory appears with the first mail
            }
            if (token == null) {
                Thread.sleep(100);
            }
        }
        if (token == null) {
            throw new IllegalStateException("no verification mail for " + email);
        }
        call("POST", "/v1/auth/verify-email", null, "{\"token\":\"" + token + "\"}", 200);
        return new String[] {find(ACCOUNT_ID, body), find(KEY, body)};
    }

    String call(String method, String path, String key, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("nothing matches " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    static long[] sorted(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
