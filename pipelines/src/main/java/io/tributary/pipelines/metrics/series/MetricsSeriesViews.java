package io.tributary.pipelines.metrics.series;

import io.tributary.pipelines.metrics.MetricsOptions;
import io.tributary.pipelines.metrics.sla.SlaSource;
import io.tributary.pipelines.runtime.PipelineMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

/**
 * The views gold reads, computed per series by {@link SeriesOperator} from silver's samples (in a
 * stream, silver's live view: its committed rows and the job's own).
 *
 * <pre>
 *   silver.metrics_samples (changelog: metric, series, ts, value)
 *        |  keyBy(metric, series)
 *   [metrics-series] (state: the series' samples, one entry per UTC day)
 *        |-- main output --> metrics_series_window_stats   --> gold.metrics_window_stats
 *        |-- side output --> metrics_series_sla_violations --> gold.sla_violations
 *        |   the latest window end (LatestRows):
 *        |-- side output --> metrics_series_metadata       --> gold.metrics_metadata
 *        |-- side output --> metrics_series_metrics_forecast(_accuracy)
 *        |                                   --> gold.metrics_forecast(_accuracy)
 *        '-- side output --> metrics_series_sla_predictions --> gold.sla_predictions
 * </pre>
 */
@Internal
public final class MetricsSeriesViews {
    private MetricsSeriesViews() {}

    /**
     * @param slas the SLAs checked ({@code metrics_series_sla_violations}): a backfill those in
     *     force when it starts, a stream those in force at each checkpoint
     */
    public static void register(
            StreamTableEnvironment tEnv, ReadableConfig conf, PipelineMode mode, SlaSource slas) {
        DataStream<Row> samples =
                tEnv.toChangelogStream(
                        tEnv.sqlQuery(
                                "SELECT metric, series, ts, `value` FROM silver.metrics_samples"));
        SingleOutputStreamOperator<Row> stats =
                samples.keyBy(SeriesOperator::key, Types.STRING)
                        .transform(
                                "metrics series",
                                SeriesRows.WINDOW_STATS,
                                new SeriesOperator(
                                        conf.get(MetricsOptions.WINDOW_STEP),
                                        mode == PipelineMode.BATCH,
                                        slas))
                        .uid("metrics-series");
        // A backfill's operator only inserts; batch planning takes no other changelog.
        ChangelogMode changes =
                mode == PipelineMode.BATCH ? ChangelogMode.insertOnly() : ChangelogMode.all();
        Schema derived = Schema.newBuilder().build();
        tEnv.createTemporaryView(
                "metrics_series_window_stats", tEnv.fromChangelogStream(stats, derived, changes));
        Map<String, OutputTag<Row>> sides = new LinkedHashMap<>();
        sides.put("metrics_series_metadata", SeriesOperator.METADATA);
        sides.put("metrics_series_metrics_forecast", SeriesOperator.FORECAST);
        sides.put("metrics_series_metrics_forecast_accuracy", SeriesOperator.ACCURACY);
        sides.put("metrics_series_sla_violations", SeriesOperator.SLA_VIOLATIONS);
        sides.put("metrics_series_sla_predictions", SeriesOperator.SLA_PREDICTIONS);
        sides.forEach(
                (view, tag) ->
                        tEnv.createTemporaryView(
                                view,
                                tEnv.fromChangelogStream(
                                        stats.getSideOutput(tag), derived, changes)));
    }
}
