import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fills one owner account of a running service with crowdtesting data, through the public API as clients would:
 * CAMPAIGNS active campaigns of TESTERS_PER_CAMPAIGN places, TESTERS verified testers who each join
 * CAMPAIGNS_PER_TESTER campaigns and report BUGS_PER_TESTER bugs across them, and the owner's triage of a share of
 * the bugs (accepted, fixed, rejected as duplicates or out of scope). Requests go CONCURRENCY at a time.
 *
 * <p>Usage: {@code java CrowdtestingData.java <base url> <service data dir> <output dir> [testers] [bugs per tester]}
 * (the service writes its verification mails under {@code <data dir>/mail}). Writes to the output dir: {@code owner.key},
 * {@code campaigns.txt} (ids, largest first), {@code testers.txt} ({@code key testerId campaign...} per line) and
 * {@code bugs.txt} (a bug id per line). Only JDK classes: run it with {@code java} from the source file.
 */
public final class CrowdtestingData {
    static final int CAMPAIGNS = 200;
    static final int CAMPAIGNS_PER_TESTER = 5;
    static final int CONCURRENCY = 16;
    static final String[] PLATFORMS = {"ios", "android", "web", "windows", "macos", "linux", "console"};
    static final String[] SEVERITIES = {"critical", "high", "medium", "low", "medium", "low", "low", "high"};
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
    /** The whole token: followed by something else, so a mail still being written is not read too early. */
    static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)[^A-Za-z0-9_-]");

    private final String base;
    private final Path mail;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    private final AtomicLong requests = new AtomicLong();

    CrowdtestingData(String base, Path mail) {
        this.base = base;
        this.mail = mail;
    }

    public static void main(String[] args) throws Exception {
        int testers = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int bugsPerTester = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        Path out = Files.createDirectories(Path.of(args[2]));
        CrowdtestingData data = new CrowdtestingData(args[0], Path.of(args[1], "mail"));
        try {
            data.fill(out, testers, bugsPerTester);
        } finally {
            data.pool.shutdownNow();
        }
    }

    void fill(Path out, int testerCount, int bugsPerTester) throws Exception {
        long started = System.nanoTime();
        String owner = register("owner");
        Files.writeString(out.resolve("owner.key"), owner);
        int places = testerCount * CAMPAIGNS_PER_TESTER / CAMPAIGNS;
        List<String> campaigns = parallel(CAMPAIGNS, i -> {
            String id = match(ID, send("POST", "/v1/campaigns", owner, "{\"name\":\"Campaign " + i
                    + "\",\"platform\":\"" + PLATFORMS[i % PLATFORMS.length] + "\",\"testersRequired\":" + places
                    + ",\"rewardPerBug\":4.00,\"description\":\"Generated for the benchmark\"}", 201));
            send("POST", "/v1/campaigns/" + id + "/launch", owner, null, 200);
            return id;
        });
        Files.write(out.resolve("campaigns.txt"), campaigns);
        log(started, "owner and " + CAMPAIGNS + " active campaigns of " + places + " places");

        List<String> keys = parallel(testerCount, i -> register("tester"));
        List<String> testers = parallel(testerCount, i -> {
            String key = keys.get(i);
            String profile = send("PATCH", "/v1/testers/me", key, "{\"platforms\":[\"ios\",\"android\",\"web\","
                    + "\"windows\",\"macos\",\"linux\",\"console\"],\"devices\":[\"Device " + i + "\"],"
                    + "\"country\":\"DE\"}", 200);
            StringBuilder line = new StringBuilder(key).append(' ').append(match(ID, profile));
            for (int k = 0; k < CAMPAIGNS_PER_TESTER; k++) {
                String campaign = campaigns.get((i * CAMPAIGNS_PER_TESTER + k) % CAMPAIGNS);
                send("POST", "/v1/campaigns/" + campaign + "/join", key, null, 201);
                line.append(' ').append(campaign);
            }
            return line.toString();
        });
        Files.write(out.resolve("testers.txt"), testers);
        log(started, testerCount + " verified testers, " + CAMPAIGNS_PER_TESTER + " campaigns joined each");

        List<String> bugLines = parallel(testerCount, i -> {
            String[] tester = testers.get(i).split(" ");
            StringBuilder ids = new StringBuilder();
            for (int b = 0; b < bugsPerTester; b++) {
                String campaign = tester[2 + b % CAMPAIGNS_PER_TESTER];
                String bug = match(ID, send("POST", "/v1/campaigns/" + campaign + "/bugs", tester[0],
                        "{\"title\":\"Bug " + b + " of tester " + i + "\",\"severity\":\""
                                + SEVERITIES[(i + b) % SEVERITIES.length] + "\",\"steps\":\"1. Open\\n2. Tap\","
                                + "\"expected\":\"It works\",\"actual\":\"It does not\",\"device\":\"Device " + i + "\"}",
                        201));
                ids.append(b == 0 ? "" : " ").append(campaign).append(':').append(bug);
            }
            return ids.toString();
        });
        List<String> bugs = new ArrayList<>();
        bugLines.forEach(line -> Collections.addAll(bugs, line.split(" ")));
        Files.write(out.resolve("bugs.txt"), bugs.stream().map(b -> b.substring(b.indexOf(':') + 1)).toList());
        log(started, bugs.size() + " bugs reported");

        // the owner decides on 30 % of them: of every 10 reports, 3 are triaged; 2 of those accepted (1 also fixed),
        // 1 rejected (a duplicate of the bug before it in the same campaign, or out of scope)
        parallel(testerCount, i -> {
            String[] tester = bugLines.get(i).split(" ");
            for (int b = 0; b < tester.length; b++) {
                if (b % 10 >= 3) {
                    continue;
                }
                String bug = tester[b].substring(tester[b].indexOf(':') + 1);
                send("PATCH", "/v1/bugs/" + bug, owner, "{\"status\":\"triaged\"}", 200);
                if (b % 10 < 2) {
                    send("PATCH", "/v1/bugs/" + bug, owner, "{\"status\":\"accepted\"}", 200);
                    if (b % 10 == 0) {
                        send("PATCH", "/v1/bugs/" + bug, owner, "{\"status\":\"fixed\"}", 200);
                    }
                } else {
                    String previous = b >= CAMPAIGNS_PER_TESTER ? tester[b - CAMPAIGNS_PER_TESTER] : null;
                    send("PATCH", "/v1/bugs/" + bug, owner, previous == null
                            ? "{\"status\":\"rejected\",\"resolution\":\"out_of_scope\"}"
                            : "{\"status\":\"rejected\",\"resolution\":\"duplicate\",\"duplicateOf\":\""
                                    + previous.substring(previous.indexOf(':') + 1) + "\"}", 200);
                }
            }
            return "";
        });
        log(started, "30 % of the bugs triaged, 20 % accepted (10 % fixed), 10 % rejected");
    }

    /** Registers and verifies an account with a test key; its key, first used here. */
    String register(String role) {
        String email = "bench-" + role + "-" + System.nanoTime() + "-" + Thread.currentThread().getId() + "@example.com";
        String key = match(KEY, send("POST", "/v1/auth/register/api-key", null, "{\"email\":\"" + email
                + "\",\"password\":\"bench-password-1234\",\"role\":\"" + role + "\",\"name\":\"Bench " + role
                + "\",\"mode\":\"test\"}", 201));
        send("POST", "/v1/auth/verify-email", null, "{\"token\":\"" + token(email) + "\"}", 200);
        send("GET", "/v1/auth/me", key, null, 200);
        return key;
    }

    /** The token of the mail to this address, which the service writes a moment after answering. */
    private String token(String email) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Stream<Path> files = Files.isDirectory(mail) ? Files.list(mail) : Stream.empty()) {
                Path file = files.filter(f -> f.getFileName().toString().endsWith("-" + email + ".eml")).findFirst()
                        .orElse(null);
                if (file != null) {
                    Matcher token = TOKEN.matcher(Files.readString(file));
                    if (token.find()) {
                        return token.group(1);
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("No verification mail for " + email + " under " + mail);
    }

    String send(String method, String path, String key, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            // argon2id runs on one request per core at a time: a burst of new keys is told to retry in a second
            for (int retry = 0; response.statusCode() == 503 && retry < 30; retry++) {
                Thread.sleep(1000);
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                requests.incrementAndGet();
            }
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code count} tasks, CONCURRENCY at a time; their results in order. */
    <T> List<T> parallel(int count, IntFunction<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> task.apply(n)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return matcher.group(1);
    }

    private void log(long started, String what) {
        System.err.printf("[data %5.0fs] %s (%d requests so far)%n", (System.nanoTime() - started) / 1e9, what,
                requests.get());
    }
}
