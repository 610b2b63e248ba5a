import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver for the benchmarks (run as a single-file program: java Receiver.java PORT): answers every POST
 * 200 "ok" at once, and counts them. GET /stats answers "count firstNanos lastNanos" (the times of the first and
 * last POST since the last reset, System.nanoTime); POST /reset zeroes them.
 *
 * <p>It answers with TCP_NODELAY, as production servers do: the JDK server otherwise writes the answer's head and body
 * as two small packets, and Nagle's algorithm holds the body until the client's delayed ACK (about 40 ms), so every
 * client, the engine and the JDK loop alike, would measure that stall rather than its own work.
 */
public class Receiver {
    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicLong LAST = new AtomicLong();

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            if (path.equals("/stats")) {
                answer = (COUNT.get() + " " + FIRST.get() + " " + LAST.get()).getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/reset")) {
                COUNT.set(0);
                FIRST.set(0);
                LAST.set(0);
            } else {
                long now = System.nanoTime();
                FIRST.compareAndSet(0, now);
                LAST.accumulateAndGet(now, Math::max);
                COUNT.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        System.out.println("receiver on " + server.getAddress());
    }
}
