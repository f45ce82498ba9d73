package io.tributary.pipelines.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.metrics.MetricsOptions;
import io.tributary.pipelines.metrics.MetricsPipeline;
import io.tributary.pipelines.metrics.MetricsSource;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/** Metrics lakes compared: a stream's against a backfill of the very range it read. */
public final class MetricsLakes {
    /** Every table a metrics run derives from its samples, and the samples. */
    public static final List<String> DERIVED =
            List.of(
                    "SELECT metric, series, ts, `value` FROM silver.metrics_samples",
                    "SELECT * FROM gold.metrics_window_stats",
                    "SELECT * FROM gold.metrics_metadata",
                    "SELECT * FROM gold.metrics_forecast",
                    "SELECT * FROM gold.metrics_forecast_accuracy");

    private MetricsLakes() {}

    /**
     * Backfills from Prometheus, with {@code conf}'s settings, exactly the samples' time range of
     * {@code streamed}'s silver (its first to its last sample).
     */
    public static Lake backfillOfTheSameRange(Lake streamed, Configuration conf) throws Exception {
        String[] bounds =
                streamed.rows("SELECT MIN(ts), MAX(ts) FROM silver.metrics_samples")
                        .get(0)
                        .split(",");
        Configuration backfill = new Configuration(conf);
        backfill.set(MetricsOptions.SOURCE, MetricsSource.PROMETHEUS);
        backfill.set(MetricsOptions.BACKFILL_FROM, bounds[0]);
        backfill.set(
                MetricsOptions.BACKFILL_UNTIL,
                LocalDateTime.parse(bounds[1]).plusSeconds(1).toString());
        new PipelineRunner(backfill, new PrintStream(OutputStream.nullOutputStream()))
                .run(MetricsPipeline.fromConfig(backfill), PipelineMode.BATCH);
        return new Lake(backfill);
    }

    /** Whether the two lakes hold the same samples and derived rows (yet). */
    public static boolean same(Lake stream, Lake backfill) throws Exception {
        for (String query : DERIVED) {
            List<String> streamed = new java.util.ArrayList<>(stream.rowsRounded(query));
            List<String> backfilled = new java.util.ArrayList<>(backfill.rowsRounded(query));
            java.util.Collections.sort(streamed);
            java.util.Collections.sort(backfilled);
            if (!streamed.equals(backfilled)) {
                return false;
            }
        }
        return true;
    }

    /** The two lakes hold the same samples and derived rows. */
    public static void assertSame(Lake stream, Lake backfill) throws Exception {
        for (String query : DERIVED) {
            assertThat(stream.rowsRounded(query))
                    .as(query)
                    .containsExactlyInAnyOrderElementsOf(backfill.rowsRounded(query));
        }
    }
}
