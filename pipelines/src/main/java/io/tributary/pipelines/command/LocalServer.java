package io.tributary.pipelines.command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.annotation.Internal;

/**
 * A server started as a process (by a benchmark or a test): ready when an address of it answers
 * 200.
 */
@Internal
public final class LocalServer {
    private static final long POLL_MILLIS = 100;

    private LocalServer() {}

    /** A port free on loopback now, for a server about to start. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until {@code url} answers 200; fails at once, with its log, if the process exits first,
     * and after {@code patience} with the same log.
     */
    public static void awaitReady(
            String what, Process process, String url, Path log, Duration patience)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited: " + Files.readString(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(url)).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        what + " not ready after " + patience + ": " + Files.readString(log));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
