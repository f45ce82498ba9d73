package io.tributary.pipelines.metrics.prometheus;

import io.tributary.pipelines.runtime.ConfigurationError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.annotation.Internal;

/**
 * Prometheus's HTTP API, as the metrics sources call it: range queries for samples, an instant
 * query to check a metric's PromQL before a job starts. A call that fails for a passing reason (the
 * server unreachable, busy, or restarting) is retried with a growing pause; one the server refuses
 * (a bad query) is not.
 */
@Internal
public final class PrometheusClient {
    private static final int ATTEMPTS = 5;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String url;
    private final HttpClient http;

    public PrometheusClient(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String url() {
        return url;
    }

    /** The address of one range query (also the samples' {@code source}). */
    public String address(RangeQuery q) {
        return url
                + "/api/v1/query_range?query="
                + URLEncoder.encode(q.promql, StandardCharsets.UTF_8)
                + "&start="
                + QueryRangeResponse.seconds(q.start)
                + "&end="
                + QueryRangeResponse.seconds(q.end)
                + "&step="
                + QueryRangeResponse.seconds(q.step);
    }

    /** The response body of a range query; fails after retries, or at once when refused. */
    public String queryRange(RangeQuery q) throws IOException, InterruptedException {
        return get(address(q), q.metric);
    }

    /**
     * Fails with a {@link ConfigurationError} naming the metric when Prometheus cannot be reached
     * or refuses its PromQL.
     */
    public void check(String metric, String promql, long atMillis) {
        String address =
                url
                        + "/api/v1/query?query="
                        + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                        + "&time="
                        + QueryRangeResponse.seconds(atMillis);
        try {
            get(address, metric);
        } catch (IOException e) {
            throw new ConfigurationError(
                    "Prometheus at "
                            + url
                            + " cannot answer metric '"
                            + metric
                            + "': "
                            + e.getMessage(),
                    e instanceof RefusedQuery
                            ? "fix the metric's PromQL in the metrics file (tributary.metrics.file)"
                            : "start Prometheus, or set tributary.metrics.prometheus.url to its address");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String address, String metric) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(address)).timeout(TIMEOUT).GET().build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                String error = QueryRangeResponse.error(response.body());
                if (status == 400 || status == 422) {
                    throw new RefusedQuery(
                            "Prometheus refused the query of '" + metric + "': " + error);
                }
                last = new IOException("HTTP " + status + (error == null ? "" : ": " + error));
            } catch (RefusedQuery e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
            if (attempt < ATTEMPTS) {
                // A pause, not a synchronisation: Prometheus restarting or overloaded.
                Thread.sleep(250L << attempt);
            }
        }
        throw new IOException(
                "Prometheus at "
                        + url
                        + " did not answer after "
                        + ATTEMPTS
                        + " attempts: "
                        + last.getMessage(),
                last);
    }

    /** The server understood the request and refused it: retrying cannot help. */
    static final class RefusedQuery extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedQuery(String message) {
            super(message);
        }
    }
}
