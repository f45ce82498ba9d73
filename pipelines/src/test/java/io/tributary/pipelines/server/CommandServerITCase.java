package io.tributary.pipelines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tributary.pipelines.metrics.MetricsOptions;
import io.tributary.pipelines.runtime.EmbeddedCluster;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command server as the launcher's client meets it: a command's output and exit code come back
 * as if it ran in a JVM of its own; another environment, another build, a stream or a demo is
 * declined (the launcher then runs it itself); a cancelled command's jobs stop and the server goes
 * on serving.
 */
class CommandServerITCase {
    @TempDir Path dir;

    private CommandServer server;
    private Thread serving;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final AtomicBoolean stuck = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        EmbeddedCluster.install();
        start(List.of());
    }

    private void start(List<String> warmUp) throws Exception {
        server =
                CommandServer.bind(
                        dir.resolve("server"),
                        Duration.ofMinutes(10),
                        new PrintStream(log, true, StandardCharsets.UTF_8),
                        () -> stuck.set(true));
        serving =
                new Thread(
                        () -> {
                            try {
                                server.serve(warmUp);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        serving.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        serving.join();
        EmbeddedCluster.close();
    }

    @Test
    void aCommandsOutputAndExitCodeComeBack() throws Exception {
        Answer sum = run(List.of("sql", "-D", lake(), "SELECT 40 + 2 AS answer"));
        assertThat(sum.code).isZero();
        assertThat(sum.out).contains("answer").contains("42").contains("1 row");

        Answer wrong = run(List.of("sql", "-D", lake(), "SELECT nope"));
        assertThat(wrong.code).isEqualTo(1);
        assertThat(wrong.err).contains("error:").contains("nope");
        assertThat(wrong.out).isEmpty();

        assertThat(ServerClient.ask(dir.resolve("server"), "status", printer(log))).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("2 command(s) served");
    }

    @Test
    void whatWouldRunDifferentlyHereIsDeclined() throws Exception {
        Map<String, String> otherEnv = new TreeMap<>(System.getenv());
        otherEnv.put("AWS_REGION", "eu-north-1");
        assertThat(run(List.of("sql", "-D", lake(), "SELECT 1"), otherEnv).code)
                .as("another environment")
                .isEqualTo(ServerProtocol.NOT_TAKEN);
        assertThat(run(List.of("run", "weblogs", "--mode", "streaming", "-D", lake())).code)
                .as("a stream")
                .isEqualTo(ServerProtocol.NOT_TAKEN);
        assertThat(run(List.of("demo")).code).as("the demo").isEqualTo(ServerProtocol.NOT_TAKEN);

        Map<String, String> terminal = new TreeMap<>(System.getenv());
        terminal.put("TERM", "a-terminal-of-its-own");
        assertThat(run(List.of("sql", "-D", lake(), "SELECT 1"), terminal).code)
                .as("a terminal's own variables do not matter")
                .isZero();
    }

    @Test
    void aClientOfAnotherBuildStopsTheServer() throws Exception {
        Map<String, String> rebuilt = new TreeMap<>(System.getenv());
        rebuilt.put(ServerPolicy.BUILD_VARIABLE, "another-build");

        assertThat(run(List.of("sql", "-D", lake(), "SELECT 1"), rebuilt).code)
                .isEqualTo(ServerProtocol.NOT_TAKEN);
        serving.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(serving.isAlive()).as("the server stopped").isFalse();
        assertThat(ServerProtocol.socket(dir.resolve("server"))).doesNotExist();
    }

    @Test
    void aCancelledCommandsJobsStopAndTheServerGoesOn() throws Exception {
        try (StalledPrometheus prometheus = new StalledPrometheus()) {
            CompletableFuture<Void> cancel = new CompletableFuture<>();
            CompletableFuture<Answer> backfill =
                    CompletableFuture.supplyAsync(
                            () -> run(prometheus.backfill(lake()), System.getenv(), cancel));
            Await.until(
                    "the backfill's job queries Prometheus",
                    Duration.ofMinutes(3),
                    () -> prometheus.queried.getCount() == 0 || backfill.isDone());
            assertThat(backfill)
                    .as(
                            () ->
                                    "ended before it was cancelled: "
                                            + backfill.getNow(null).out
                                            + backfill.getNow(null).err)
                    .isNotDone();

            cancel.complete(null);
            Answer cancelled = backfill.get(2, TimeUnit.MINUTES);

            assertThat(cancelled.code).isNotZero().isNotEqualTo(ServerProtocol.NOT_TAKEN);
            assertThat(cancelled.err).contains("cancelled");
            assertThat(EmbeddedCluster.cancelRunningJobsBut(Set.of(), Duration.ZERO))
                    .as("jobs the cancelled command left running")
                    .isEmpty();
            assertThat(stuck).as("the command ended when cancelled").isFalse();
            assertThat(run(List.of("sql", "-D", lake(), "SELECT 1")).code).isZero();
        }
    }

    @Test
    void aCommandDuringTheWarmUpStopsItAndRunsAtOnce() throws Exception {
        try (StalledPrometheus prometheus = new StalledPrometheus()) {
            server.close();
            serving.join();
            // A warm-up that would never end by itself: a backfill whose job waits on Prometheus.
            start(prometheus.backfill(lake()));
            Await.until(
                    "the warm-up's job queries Prometheus",
                    Duration.ofMinutes(3),
                    () -> prometheus.queried.getCount() == 0);

            Answer answer = run(List.of("sql", "-D", lake(), "SELECT 6 * 7"));

            assertThat(answer.code).as(answer.err).isZero();
            assertThat(answer.out).contains("42");
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("stopping the warm-up")
                    .contains("warm-up stopped for a command");
            assertThat(EmbeddedCluster.cancelRunningJobsBut(Set.of(), Duration.ZERO))
                    .as("jobs the warm-up left running")
                    .isEmpty();
            assertThat(stuck).isFalse();
        }
    }

    /**
     * A stand-in for Prometheus that answers the metrics backfill's check but holds its range
     * queries until closed: the backfill's job runs until it is cancelled.
     */
    private static final class StalledPrometheus implements AutoCloseable {
        final CountDownLatch queried = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final HttpServer http;

        StalledPrometheus() throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext(
                    "/api/v1/query",
                    exchange -> {
                        byte[] body = "{\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            http.createContext(
                    "/api/v1/query_range",
                    exchange -> {
                        queried.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        exchange.sendResponseHeaders(503, -1);
                        exchange.close();
                    });
            http.setExecutor(Executors.newCachedThreadPool());
            http.start();
        }

        /** The command line of a metrics backfill from this stand-in into {@code lake}. */
        List<String> backfill(String lake) {
            return List.of(
                    "run",
                    "metrics",
                    "-D",
                    lake,
                    "-D",
                    MetricsOptions.SOURCE.key() + "=prometheus",
                    "-D",
                    MetricsOptions.PROMETHEUS_URL.key()
                            + "=http://127.0.0.1:"
                            + http.getAddress().getPort());
        }

        @Override
        public void close() {
            release.countDown();
            http.stop(0);
        }
    }

    private String lake() {
        return TributaryOptions.LAKE_ROOT.key() + "=" + dir.resolve("lake");
    }

    private Answer run(List<String> args) {
        return run(args, System.getenv());
    }

    private Answer run(List<String> args, Map<String, String> env) {
        return run(args, env, new CompletableFuture<>());
    }

    private Answer run(List<String> args, Map<String, String> env, CompletableFuture<?> cancel) {
        Map<String, String> explained = new TreeMap<>(env);
        explained.put(ServerClient.VERBOSE, "1"); // a declined command says why, in err
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code =
                    ServerClient.call(
                            dir.resolve("server"),
                            new ServerProtocol.Request(
                                    ServerProtocol.RUN,
                                    System.getProperty("user.dir"),
                                    explained,
                                    new ArrayList<>(args)),
                            printer(out),
                            printer(err),
                            cancel);
            return new Answer(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrintStream printer(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static final class Answer {
        final int code;
        final String out;
        final String err;

        Answer(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }
}
