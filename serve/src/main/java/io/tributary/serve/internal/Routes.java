package io.tributary.serve.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.flink.annotation.Internal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one HTTP handler: it finds the route of a request by method and path template,
 * answers a refusal as JSON ({@link ApiError}), an unexpected failure as a logged 500, and counts
 * every answer in the service's metrics under its route template (not its path, which would make a
 * series per SLA id).
 */
@Internal
final class Routes implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private static final class Route {
        final String method;
        final String[] template;
        final String name;
        final Function<Request, Answer> handler;

        Route(String method, String template, Function<Request, Answer> handler) {
            this.method = method;
            this.template = template.substring(1).split("/", -1);
            this.name = template;
            this.handler = handler;
        }

        boolean matches(String[] path, Map<String, String> variables) {
            if (path.length != template.length) {
                return false;
            }
            for (int i = 0; i < path.length; i++) {
                if (template[i].startsWith("{")) {
                    variables.put(template[i].substring(1, template[i].length() - 1), path[i]);
                } else if (!template[i].equals(path[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final ServiceMetrics metrics;

    Routes(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    Routes add(String method, String template, Function<Request, Answer> handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().substring(1).split("/", -1);
        String routeName = "unmatched";
        Answer answer;
        try {
            Route route = null;
            Request request = new Request(exchange);
            Set<String> allowed = new LinkedHashSet<>();
            for (Route r : routes) {
                request.path.clear();
                if (r.matches(path, request.path)) {
                    allowed.add(r.method);
                    if (r.method.equals(method)) {
                        route = r;
                        break;
                    }
                }
            }
            if (route == null && allowed.isEmpty()) {
                throw ApiError.notFound(
                        "no route " + exchange.getRequestURI().getPath(),
                        "see /openapi.yaml for the routes");
            }
            if (route == null) {
                throw new ApiError(
                        405,
                        method + " is not a method of " + exchange.getRequestURI().getPath(),
                        "use " + String.join(" or ", allowed));
            }
            routeName = route.name;
            answer = route.handler.apply(request);
        } catch (ApiError e) {
            answer = Answer.error(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, exchange.getRequestURI(), e);
            answer =
                    Answer.error(
                            new ApiError(
                                    500,
                                    "the service failed: " + e,
                                    "try again; if it persists, the service's log has the cause"));
        }
        answer.headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("Content-Type", answer.contentType);
        exchange.sendResponseHeaders(
                answer.status, answer.body.length == 0 ? -1 : answer.body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body);
        }
        metrics.observe(routeName, method, answer.status, System.nanoTime() - start);
    }
}
