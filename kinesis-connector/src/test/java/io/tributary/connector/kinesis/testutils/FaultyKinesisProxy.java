package io.tributary.connector.kinesis.testutils;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits between a Kinesis client and kinesalite and answers some GetRecords calls with the errors
 * real Kinesis gives under load: every {@code throttleEvery}-th with {@code
 * ProvisionedThroughputExceededException}, every {@code expireEvery}-th with {@code
 * ExpiredIteratorException}. Everything else is forwarded unchanged.
 */
public final class FaultyKinesisProxy implements AutoCloseable {
    private final HttpServer server;
    private final String target;
    private final int throttleEvery;
    private final int expireEvery;
    private final AtomicInteger getRecords = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger expired = new AtomicInteger();

    public FaultyKinesisProxy(String target, int throttleEvery, int expireEvery)
            throws IOException {
        this.target = target;
        this.throttleEvery = throttleEvery;
        this.expireEvery = expireEvery;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public int throttled() {
        return throttled.get();
    }

    public int expired() {
        return expired.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String action = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (action != null && action.endsWith(".GetRecords")) {
            int n = getRecords.incrementAndGet();
            if (n % throttleEvery == 0) {
                throttled.incrementAndGet();
                fail(exchange, "ProvisionedThroughputExceededException", "Rate exceeded for shard");
                return;
            }
            if (n % expireEvery == 0) {
                expired.incrementAndGet();
                fail(exchange, "ExpiredIteratorException", "Iterator expired");
                return;
            }
        }
        forward(exchange, body);
    }

    private static void fail(HttpExchange exchange, String type, String message)
            throws IOException {
        byte[] json =
                ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        exchange.sendResponseHeaders(400, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) new URL(target + exchange.getRequestURI()).openConnection();
        connection.setRequestMethod(exchange.getRequestMethod());
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Length")
                    && !header.getKey().equalsIgnoreCase("Host")) {
                header.getValue().forEach(v -> connection.addRequestProperty(header.getKey(), v));
            }
        }
        connection.setDoOutput(body.length > 0);
        if (body.length > 0) {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        byte[] response = in == null ? new byte[0] : in.readAllBytes();
        connection
                .getHeaderFields()
                .forEach(
                        (key, values) -> {
                            if (key != null
                                    && !key.equalsIgnoreCase("Content-Length")
                                    && !key.equalsIgnoreCase("Transfer-Encoding")
                                    && !key.equalsIgnoreCase("Connection")) {
                                values.forEach(v -> exchange.getResponseHeaders().add(key, v));
                            }
                        });
        exchange.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
