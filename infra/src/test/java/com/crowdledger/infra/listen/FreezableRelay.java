package com.crowdledger.infra.listen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a server, for tests: {@link #freeze()} makes every connection open so far silent (bytes are held,
 * nothing is closed), as a dead NAT entry or a hung peer would; connections opened later pass normally.
 */
final class FreezableRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    FreezableRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void freeze() {
        links.forEach(link -> link.frozen = true);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Link link : links) {
            link.frozen = false;
            link.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, target);
                links.add(link);
                pump(link, client, target);
                pump(link, target, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Link link, Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    while (link.frozen) {
                        Thread.sleep(50); // hold the bytes: the peer hears nothing, and nothing is closed
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                link.close();
            }
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static final class Link {
        private final Socket client;
        private final Socket target;
        private volatile boolean frozen;

        Link(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void close() {
            if (frozen) {
                return; // a frozen link stays open until the test ends, as a silent one would
            }
            try {
                client.close();
                target.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
