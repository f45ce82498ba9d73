package io.tributary.serve.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;

/** One request as the routes see it: its path variables, query parameters, headers and body. */
@Internal
final class Request {
    private final HttpExchange exchange;
    private final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> path = new LinkedHashMap<>();

    Request(HttpExchange exchange) {
        this.exchange = exchange;
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (query.put(key, value) != null) {
                    throw ApiError.badRequest(
                            "the parameter '" + key + "' is given twice", "give it once");
                }
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Refuses parameters the route does not take, naming the nearest it does. */
    void allowParameters(List<String> allowed) {
        for (String key : query.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiError.badRequest(
                        "unknown parameter '" + key + "'", Nearest.hint(key, allowed));
            }
        }
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    byte[] body() {
        try {
            return exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            throw ApiError.badRequest(
                    "the body could not be read: " + e.getMessage(), "send it again");
        }
    }
}
