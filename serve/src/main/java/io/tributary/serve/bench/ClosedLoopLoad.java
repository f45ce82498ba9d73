package io.tributary.serve.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.annotation.Internal;

/**
 * A closed-loop load: each client sends its next request as soon as its previous answer is read,
 * cycling over the given addresses, for a fixed time. What it measures is what a dashboard of that
 * many users refreshing without pause would see: throughput and the latency of every request.
 */
@Internal
final class ClosedLoopLoad {
    /** What a run measured. */
    static final class Result {
        final long requests;
        final long errors;
        final double seconds;
        private final long[] nanos;

        Result(long errors, double seconds, long[] nanos) {
            this.requests = nanos.length;
            this.errors = errors;
            this.seconds = seconds;
            this.nanos = nanos;
            Arrays.sort(this.nanos);
        }

        double perSecond() {
            return requests / seconds;
        }

        /** The latency below which this fraction of requests finished, in milliseconds. */
        double millisAt(double quantile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int at = (int) Math.min(nanos.length - 1, Math.ceil(quantile * nanos.length) - 1);
            return nanos[Math.max(0, at)] / 1e6;
        }
    }

    private ClosedLoopLoad() {}

    static Result run(List<URI> addresses, int clients, Duration duration) throws Exception {
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(
                        pool.submit(
                                () -> {
                                    long[] mine = new long[1024];
                                    int n = 0;
                                    for (int i = first; System.nanoTime() < end; i++) {
                                        HttpRequest request =
                                                HttpRequest.newBuilder(
                                                                addresses.get(i % addresses.size()))
                                                        .timeout(Duration.ofSeconds(30))
                                                        .build();
                                        long sent = System.nanoTime();
                                        HttpResponse<byte[]> answer =
                                                http.send(
                                                        request,
                                                        HttpResponse.BodyHandlers.ofByteArray());
                                        long took = System.nanoTime() - sent;
                                        if (answer.statusCode() != 200) {
                                            errors.incrementAndGet();
                                        }
                                        if (n == mine.length) {
                                            mine = Arrays.copyOf(mine, n * 2);
                                        }
                                        mine[n++] = took;
                                    }
                                    return Arrays.copyOf(mine, n);
                                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new Result(errors.get(), seconds, nanos);
        } finally {
            pool.shutdownNow();
        }
    }
}
