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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postbacks at a fixed rate, what wrk cannot do (single-file program, JDK only): CONNECTIONS threads, each with its
 * own keep-alive connection of one JDK HttpClient (HTTP/1.1), POST /v1/conversions with the key, a click id from
 * CLICKS_FILE (round robin) and a fresh txn_id. Together they send RATE requests/s: thread i sends its k-th request at
 * start + (k * CONNECTIONS + i) / RATE. A latency is counted from that intended moment, not from when the request
 * left (as wrk2 does): a late request carries the wait it was made to do, so a stalled service cannot hide.
 *
 * <p>With PROBE_CLICK and PROBE_OFFER, a probe runs beside the load: it posts one conversion on the probe offer's
 * click, and from its 201 polls {@code GET /v1/reports?offer=PROBE_OFFER&groupBy=} every POLL_MS until the totals
 * count it; the lag is from the 201 to the answer that counts it (an upper bound, by up to one poll). Then the next.
 *
 * <p>With FIXED_WARM_UP_SECONDS in the environment, the same load runs that long first, and is not measured: this
 * client starts cold (interpreted, no connections), and its own slowness would be counted as the service's.
 *
 * <p>Usage: {@code java FixedRate.java BASE KEY CLICKS_FILE RATE SECONDS CONNECTIONS LABEL [PROBE_CLICK PROBE_OFFER]}.
 * Prints, for the shell to read:
 * <pre>
 * load SENT SECONDS REQUESTS_PER_S P50_MS P99_MS MAX_MS ERRORS
 * window FROM_S TO_S PROBES P50_MS P99_MS MAX_MS      (one per 10 s, with a probe)
 * lag PROBES P50_MS P99_MS MAX_MS                      (with a probe)
 * </pre>
 * Any answer but 201 is an error (the first few are printed to stderr).
 */
public final class FixedRate {
    static final int WINDOW_SECONDS = 10;
    static final int WARM_UP_SECONDS = Integer.parseInt(System.getenv().getOrDefault("FIXED_WARM_UP_SECONDS", "0"));
    static final long POLL_MS = 10;
    static final Pattern CONVERSIONS = Pattern.compile("\"totals\":\\{[^}]*\"conversions\":(\\d+)");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String key;
    private final AtomicLong errors = new AtomicLong();

    FixedRate(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7 && args.length != 9) {
            System.err.println("usage: java FixedRate.java BASE KEY CLICKS_FILE RATE SECONDS CONNECTIONS LABEL"
                    + " [PROBE_CLICK PROBE_OFFER]");
            System.exit(2);
        }
        FixedRate load = new FixedRate(args[0], args[1]);
        List<String> clicks = Files.readAllLines(Path.of(args[2])).stream().filter(line -> !line.isBlank()).toList();
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int connections = Integer.parseInt(args[5]);
        String label = args[6];
        if (clicks.isEmpty() || rate <= 0 || seconds <= 0 || connections <= 0) {
            throw new IllegalArgumentException("need click ids, and a positive rate, duration and connection count");
        }

        if (WARM_UP_SECONDS > 0) {
            // this client's first seconds (its JIT, its connections) are not the service's latency: same load, not kept
            load.run(clicks, rate, WARM_UP_SECONDS, connections, label + "-warm-up", null);
        }
        Probe probe = args.length == 9 ? new Probe(load, args[7], args[8], label) : null;
        Run run = load.run(clicks, rate, seconds, connections, label, probe);
        long[] all = run.latencies();
        System.out.printf("load %d %.1f %.1f %.3f %.3f %.3f %d%n", all.length, run.seconds(),
                all.length / run.seconds(),
                percentile(all, 50), percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                load.errors.get()); // the warm-up's too: a failing warm-up voids the run as well
        if (probe != null) {
            probe.join();
            probe.print();
        }
    }

    /** Every latency of a run, sorted, and how long it took from its start until its last answer. */
    record Run(long[] latencies, double seconds) {
    }

    /** RATE postbacks a second over CONNECTIONS threads for SECONDS, the probe (if any) beside them. */
    Run run(List<String> clicks, double rate, int seconds, int connections, String label, Probe probe)
            throws InterruptedException {
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 200_000_000L; // every thread starts from the same moment
        long end = start + seconds * 1_000_000_000L;
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) (rate * seconds / connections) + 2)];
                int n = 0;
                for (long k = 0; ; k++) {
                    long intended = start + (k * connections + index) * periodNanos;
                    if (intended >= end || System.nanoTime() >= end || n == mine.length) {
                        break; // a service that fell behind is not given extra time: it sent fewer
                    }
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String click = clicks.get((int) ((k * connections + index) % clicks.size()));
                    postback(click, label + "-" + index + "-" + k);
                    mine[n++] = System.nanoTime() - intended;
                }
                latencies[index] = mine;
                counts[index] = n;
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        if (probe != null) {
            probe.startAt(start, end);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Run(merge(latencies, counts), (System.nanoTime() - start) / 1e9);
    }

    /** One postback; counts anything but a 201 (and any failure to get an answer) as an error. */
    void postback(String click, String txnId) {
        String body = "{\"click_id\":\"" + click + "\",\"txn_id\":\"" + txnId + "\",\"amount\":19.90}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/conversions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                error(response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            error(e.toString());
        }
    }

    /** The conversions the report counts for one offer over the default period (the last 30 days). */
    long reportedConversions(String offer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/reports?groupBy=&offer=" + offer))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CONVERSIONS.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("the report answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    void error(String what) {
        if (errors.incrementAndGet() <= 5) {
            System.err.println("error: " + what);
        }
    }

    static long[] merge(long[][] parts, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all;
    }

    /** The p-th percentile of sorted nanoseconds, in milliseconds (nearest rank). */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** Postback to report lag, one marked conversion at a time, while the load runs. */
    static final class Probe extends Thread {
        private final FixedRate load;
        private final String click;
        private final String offer;
        private final String label;
        private long start;
        private long end;
        private final List<List<Long>> windows = new ArrayList<>();

        Probe(FixedRate load, String click, String offer, String label) {
            super("probe");
            this.load = load;
            this.click = click;
            this.offer = offer;
            this.label = label;
        }

        void startAt(long loadStart, long loadEnd) {
            start = loadStart;
            end = loadEnd;
            start();
        }

        @Override
        public void run() {
            try {
                LockSupport.parkNanos(start - System.nanoTime());
                long seen = load.reportedConversions(offer);
                for (int n = 1; System.nanoTime() < end; n++) {
                    long before = load.errors.get();
                    load.postback(click, label + "-probe-" + n);
                    if (load.errors.get() != before) {
                        throw new IllegalStateException("the probe's postback failed");
                    }
                    long answered = System.nanoTime();
                    long deadline = answered + 60_000_000_000L;
                    while (load.reportedConversions(offer) <= seen) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("probe " + n + " was not in the report after 60 s");
                        }
                        Thread.sleep(POLL_MS);
                    }
                    long shown = System.nanoTime();
                    seen++;
                    int window = (int) ((answered - start) / (WINDOW_SECONDS * 1_000_000_000L));
                    while (windows.size() <= window) {
                        windows.add(new ArrayList<>());
                    }
                    windows.get(window).add(shown - answered);
                }
            } catch (Exception e) {
                load.error("probe: " + e);
            }
        }

        void print() {
            List<Long> all = new ArrayList<>();
            for (int w = 0; w < windows.size(); w++) {
                long[] sorted = windows.get(w).stream().mapToLong(Long::longValue).sorted().toArray();
                all.addAll(windows.get(w));
                System.out.printf("window %d %d %d %.3f %.3f %.3f%n", w * WINDOW_SECONDS, (w + 1) * WINDOW_SECONDS,
                        sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("lag %d %.3f %.3f %.3f%n", sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }
}
