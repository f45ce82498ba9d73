package io.tributary.pipelines.testutils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A server a test started as a process: ready when an address of it answers 200. */
final class LocalServer {
    private LocalServer() {}

    /**
     * Waits until {@code url} answers 200; fails at once, with its log, if the process exits first.
     */
    static void awaitReady(String what, Process process, String url, Path log, Duration patience)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Await.until(
                what + " ready (" + log + ")",
                patience,
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(what + " exited: " + Files.readString(log));
                    }
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(URI.create(url)).build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }
}
