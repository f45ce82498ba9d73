package io.tributary.pipelines.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.metrics.command.LocalPrometheus;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.MetricsLakes;
import io.tributary.pipelines.testutils.StreamingJob;
import io.tributary.pipelines.testutils.TributaryProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics stream killed outright (SIGKILL) while it reads two days of history from a real
 * Prometheus, and resumed from its last checkpoint: every sample is in silver once, and the lake
 * equals a backfill of the same range (samples, window statistics, metadata).
 */
class MetricsKillITCase {
    private static final String H1 = "{instance=\"h1:9100\",job=\"node\"}";
    private static final String H2 = "{instance=\"h2:9100\",job=\"node\"}";

    /** Kept when the run fails: the lake and the checkpoints show what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aStreamKilledAndResumedReadsEverySampleOnce() throws Exception {
        long now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        long end = Math.floorDiv(now - Duration.ofMinutes(15).toMillis(), 5_000L) * 5_000L;
        long start = end - Duration.ofDays(2).toMillis();
        StringBuilder om = new StringBuilder("# TYPE node_processes_pids gauge\n");
        for (long t = start, i = 0; t <= end; t += 5_000, i++) {
            for (String series : List.of(H1, H2)) {
                om.append("node_processes_pids")
                        .append(series)
                        .append(' ')
                        .append(200 + (i * (series.equals(H1) ? 7 : 5)) % 13)
                        .append(' ')
                        .append(t / 1000)
                        .append('\n');
            }
        }
        om.append("# EOF\n");
        Path metrics = dir.resolve("metrics.yaml");
        Files.writeString(metrics, "metrics:\n  processes: node_processes_pids\n");

        try (LocalPrometheus prometheus =
                LocalPrometheus.start(
                        dir.resolve("prometheus"),
                        om.toString(),
                        List.of(),
                        Duration.ofSeconds(5))) {
            String lake = dir.resolve("lake").toString();
            StreamingJob job =
                    new StreamingJob(
                            MetricsPipeline.NAME,
                            lake,
                            List.of(
                                    "--mode",
                                    "streaming",
                                    "--resume",
                                    "-D",
                                    MetricsOptions.PROMETHEUS_URL.key() + "=" + prometheus.url(),
                                    "-D",
                                    MetricsOptions.FILE.key() + "=" + metrics,
                                    "-D",
                                    MetricsOptions.RESOLUTION.key() + "=5s",
                                    "-D",
                                    MetricsOptions.STREAM_HISTORY.key() + "=3d"));
            try (TributaryProcess.Running first = job.start()) {
                job.awaitAlive(
                        first,
                        "samples in silver",
                        () ->
                                Files.exists(Path.of(lake, "silver/metrics_samples/_delta_log"))
                                        && job.lake().count("silver.metrics_samples") > 0);
                job.awaitNewCheckpoint(first);
                first.kill();
            }
            // History every 5 s, then Prometheus's 5 minutes of lookback after it ends.
            long expected = 2 * ((end - start) / 5_000 + 1 + 60);
            Configuration backfilled = new Configuration();
            backfilled.set(TributaryOptions.LAKE_ROOT, dir.resolve("backfill").toString());
            backfilled.set(MetricsOptions.PROMETHEUS_URL, prometheus.url());
            backfilled.set(MetricsOptions.FILE, metrics.toString());
            backfilled.set(MetricsOptions.RESOLUTION, Duration.ofSeconds(5));
            Lake backfill;
            try (TributaryProcess.Running resumed = job.start()) {
                // the assertions below show what differs if these never hold
                Await.holdsWithin(
                        StreamingJob.PATIENCE,
                        () -> job.lake().count("silver.metrics_samples") >= expected);
                backfill = MetricsLakes.backfillOfTheSameRange(job.lake(), backfilled);
                // Gold follows silver by a checkpoint or more: the stream stops once it caught up.
                Await.holdsWithin(
                        StreamingJob.PATIENCE, () -> MetricsLakes.same(job.lake(), backfill));
            }
            Lake stream = job.lake();
            assertThat(
                            stream.rows(
                                    "SELECT COUNT(*), COUNT(DISTINCT series || CAST(ts AS STRING))"
                                            + " FROM silver.metrics_samples"))
                    .as("every sample once")
                    .containsExactly(expected + "," + expected);
            MetricsLakes.assertSame(stream, backfill);
        }
    }
}
