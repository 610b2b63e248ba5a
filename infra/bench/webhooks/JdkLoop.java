import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of the delivery benchmark (single-file program): THREADS threads, each a plain JDK HttpClient loop,
 * POST the body in BODY_FILE with webhook-style headers to URL until COUNT requests are made; prints the count, the
 * seconds taken, the requests that failed twice, and the microseconds of CPU this JVM spent per request over the
 * second half of the requests (the first half warms its JIT compiler up): what a bare client costs per request.
 * Usage: java JdkLoop.java URL COUNT THREADS BODY_FILE
 */
public class JdkLoop {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        String body = Files.readString(Path.of(args[3]));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong halfwayCpu = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    if (n == count / 2) {
                        halfwayCpu.set(os.getProcessCpuTime());
                    }
                    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/json")
                            .header("webhook-id", "evt_0123456789ABCDEFabcdef")
                            .header("webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                            .header("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    if (!sent(client, request) && !sent(client, request)) {
                        failed.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMicros = (os.getProcessCpuTime() - halfwayCpu.get()) / 1e3 / (count - count / 2);
        System.out.printf("%d %.3f %d %.0f%n", count, seconds, failed.get(), cpuMicros);
    }

    /**
     * Whether the request got a 200. A request that failed is tried once more, as the engine would retry it: the
     * JDK client now and then sends on a keep-alive connection the server has just closed (1 in 20,000 here).
     */
    private static boolean sent(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
