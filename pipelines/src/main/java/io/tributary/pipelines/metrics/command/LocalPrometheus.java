package io.tributary.pipelines.metrics.command;

import io.tributary.pipelines.command.DebianPackages;
import io.tributary.pipelines.command.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Prometheus (Debian's 2.42, see {@link DebianPackages}) on loopback for a test or a
 * benchmark: optionally loaded with a deterministic history through {@code promtool tsdb
 * create-blocks-from openmetrics}, optionally scraping targets (a {@link NodeExporter}). Its
 * retention is a century, so a history at fixed dates stays.
 */
@org.apache.flink.annotation.Internal
public final class LocalPrometheus implements AutoCloseable {
    private final Process process;
    private final String url;

    private LocalPrometheus(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param openMetrics a history in OpenMetrics text (ending with {@code # EOF}), or null
     * @param targets host:port targets scraped as job {@code node}, every {@code scrapeInterval}
     */
    public static LocalPrometheus start(
            Path dir, String openMetrics, List<String> targets, Duration scrapeInterval)
            throws Exception {
        Path history = null;
        if (openMetrics != null) {
            history = Files.createDirectories(dir).resolve("history.om");
            Files.writeString(history, openMetrics);
        }
        return start(dir, history, targets, scrapeInterval);
    }

    /**
     * As above, with the history in an OpenMetrics file (a large one need not be held in memory).
     */
    public static LocalPrometheus start(
            Path dir, Path history, List<String> targets, Duration scrapeInterval)
            throws Exception {
        Path prometheus = DebianPackages.program("prometheus", "usr/bin/prometheus");
        Path promtool = DebianPackages.program("prometheus", "usr/bin/promtool");
        Path data = Files.createDirectories(dir.resolve("prometheus-data"));
        if (history != null) {
            Process load =
                    new ProcessBuilder(
                                    promtool.toString(),
                                    "tsdb",
                                    "create-blocks-from",
                                    "openmetrics",
                                    "--quiet",
                                    history.toString(),
                                    data.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("promtool.log").toFile())
                            .start();
            if (load.waitFor() != 0) {
                throw new IllegalStateException(
                        "promtool could not load the history: "
                                + Files.readString(dir.resolve("promtool.log")));
            }
        }
        String seconds = scrapeInterval.toSeconds() + "s";
        String config =
                "global:\n  scrape_interval: "
                        + seconds
                        + "\n  evaluation_interval: "
                        + seconds
                        + "\nscrape_configs:\n"
                        + (targets.isEmpty()
                                ? ""
                                : "  - job_name: node\n    static_configs:\n      - targets: ["
                                        + targets.stream()
                                                .map(t -> "'" + t + "'")
                                                .collect(Collectors.joining(", "))
                                        + "]\n");
        Path configFile = dir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        int port = LocalServer.freePort();
        Process process =
                new ProcessBuilder(
                                prometheus.toString(),
                                "--config.file=" + configFile,
                                "--storage.tsdb.path=" + data,
                                "--storage.tsdb.retention.time=100y",
                                "--web.listen-address=127.0.0.1:" + port,
                                "--log.level=warn")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("prometheus.log").toFile())
                        .start();
        LocalPrometheus server = new LocalPrometheus(process, "http://127.0.0.1:" + port);
        try {
            LocalServer.awaitReady(
                    "Prometheus",
                    process,
                    server.url + "/-/ready",
                    dir.resolve("prometheus.log"),
                    Duration.ofMinutes(2));
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
