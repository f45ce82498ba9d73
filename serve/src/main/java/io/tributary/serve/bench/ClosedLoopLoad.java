package io.tributary.serve.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * A closed-loop load: each client sends its next request as soon as its previous answer is read, on
 * its own keep-alive connection ({@link HttpConnection}), cycling over the given addresses, for a
 * fixed time. What it measures is what a dashboard of that many users refreshing without pause
 * would see: throughput and the latency of every request.
 *
 * <p>{@link #inOwnJvm} runs it in a JVM of its own, so that the servers measured share the machine
 * with the clients alike, and neither shares a heap or a garbage collector with them.
 */
@Internal
public final class ClosedLoopLoad {
    /** What a run measured. */
    static final class Result {
        private static final String PREFIX = "closed-loop result:";
        final long requests;
        final long errors;
        final double seconds;
        final double p50;
        final double p99;
        final double max;

        Result(long requests, long errors, double seconds, double p50, double p99, double max) {
            this.requests = requests;
            this.errors = errors;
            this.seconds = seconds;
            this.p50 = p50;
            this.p99 = p99;
            this.max = max;
        }

        static Result of(long errors, double seconds, long[] nanos) {
            Arrays.sort(nanos);
            return new Result(
                    nanos.length,
                    errors,
                    seconds,
                    millisAt(nanos, 0.5),
                    millisAt(nanos, 0.99),
                    millisAt(nanos, 1));
        }

        double perSecond() {
            return requests / seconds;
        }

        /** The latency below which this fraction of requests finished, in milliseconds. */
        private static double millisAt(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int at = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
            return sorted[Math.max(0, at)] / 1e6;
        }

        String line() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s %d %d %.6f %.6f %.6f %.6f",
                    PREFIX,
                    requests,
                    errors,
                    seconds,
                    p50,
                    p99,
                    max);
        }

        static java.util.Optional<Result> parse(String line) {
            if (!line.startsWith(PREFIX)) {
                return java.util.Optional.empty();
            }
            String[] f = line.substring(PREFIX.length()).trim().split(" ");
            return java.util.Optional.of(
                    new Result(
                            Long.parseLong(f[0]),
                            Long.parseLong(f[1]),
                            Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]),
                            Double.parseDouble(f[5])));
        }
    }

    /** A request not answered by then counts as an error (and its time as its latency). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ClosedLoopLoad() {}

    /** Arguments: clients, warm-up and measured milliseconds, then the addresses. */
    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        List<URI> addresses = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            addresses.add(URI.create(args[i]));
        }
        run(addresses, clients, Duration.ofMillis(Long.parseLong(args[1])));
        System.out.println(
                run(addresses, clients, Duration.ofMillis(Long.parseLong(args[2]))).line());
    }

    /** Warms the servers up, then measures them, from a JVM of its own. */
    static Result inOwnJvm(List<URI> addresses, int clients, Duration warmup, Duration duration)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClosedLoopLoad.class.getName());
        command.add(Integer.toString(clients));
        command.add(Long.toString(warmup.toMillis()));
        command.add(Long.toString(duration.toMillis()));
        addresses.forEach(a -> command.add(a.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the load's JVM failed:\n" + output);
        }
        return output.lines()
                .map(Result::parse)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the load said nothing:\n" + output));
    }

    static Result run(List<URI> addresses, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(pool.submit(() -> client(addresses, first, end, errors)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
            return Result.of(errors.get(), seconds, nanos);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client: a keep-alive connection, its requests one after the other until {@code end}. */
    private static long[] client(List<URI> addresses, int first, long end, AtomicLong errors)
            throws IOException {
        long[] mine = new long[1024];
        int n = 0;
        HttpConnection connection = null;
        try {
            for (int i = first; System.nanoTime() < end; i++) {
                URI uri = addresses.get(i % addresses.size());
                long sent = System.nanoTime();
                try {
                    if (connection == null) {
                        connection = new HttpConnection(uri);
                    }
                    if (connection.get(uri) != 200) {
                        errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    // A timeout or a closed connection: counted, its time part of the
                    // latencies, and the next request on a new connection.
                    errors.incrementAndGet();
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                }
                if (n == mine.length) {
                    mine = Arrays.copyOf(mine, n * 2);
                }
                mine[n++] = System.nanoTime() - sent;
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return Arrays.copyOf(mine, n);
    }
}
