package io.tributary.pipelines.metrics;

import io.tributary.pipelines.metrics.internal.MetricFolders;
import io.tributary.pipelines.metrics.internal.ReadRangeQueries;
import io.tributary.pipelines.metrics.internal.ReadResponseFiles;
import io.tributary.pipelines.metrics.internal.SampleRows;
import io.tributary.pipelines.metrics.internal.StreamStart;
import io.tributary.pipelines.metrics.prometheus.PrometheusClient;
import io.tributary.pipelines.metrics.prometheus.RangeQuery;
import io.tributary.pipelines.metrics.prometheus.stream.MetricSplit;
import io.tributary.pipelines.metrics.prometheus.stream.PrometheusSource;
import io.tributary.pipelines.metrics.series.MetricWindows;
import io.tributary.pipelines.metrics.series.MetricsSeriesViews;
import io.tributary.pipelines.metrics.sla.SlaSource;
import io.tributary.pipelines.metrics.sla.SlaStore;
import io.tributary.pipelines.runtime.BackfillScope;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.DeclaredPipeline;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.LandingFiles;
import io.tributary.pipelines.runtime.LiveTables;
import io.tributary.pipelines.runtime.PipelineDescriptor;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.SourceTimeRange;
import io.tributary.pipelines.runtime.StoragePaths;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.streams.CommittedBefore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/**
 * Infrastructure metrics into the lake (docs/metrics.md): the series of each PromQL query of the
 * metrics file → {@code bronze.metrics_samples_raw} → {@code silver.metrics_samples} and {@code
 * silver.metrics_rejects} → per series, window statistics and metadata.
 *
 * <pre>
 *  batch:      landing query_range JSON  --\
 *              Prometheus range queries  ---+--> metrics_read --> bronze, silver, rejects
 *  streaming:  Prometheus, followed      --/
 *  both:       silver.metrics_samples --keyBy series--> [metrics-series] --> gold.metrics_window_stats
 *              silver.metrics_slas (each checkpoint) ---------------'  |--> gold.metrics_metadata
 *                                                                       '--> gold.sla_violations
 * </pre>
 *
 * <p>A backfill of landing files replaces in bronze and silver only the rows of the files it read;
 * one of Prometheus only the samples of its time range.
 */
@PublicEvolving
public final class MetricsPipeline implements DeclaredPipeline {
    public static final String NAME = "metrics";
    static final String LANDING_ORIGIN = LiveTables.LANDING_ORIGIN;
    static final String PROMETHEUS_ORIGIN = "prometheus";

    private static final PipelineDescriptor DESCRIPTOR =
            PipelineDescriptor.load(MetricsPipeline.class);

    /** The gold tables, a contract with analysts, the service and the Glue catalog. */
    public static final List<String> GOLD = DESCRIPTOR.fixedTables("gold");

    static final List<String> READ =
            List.of(
                    "bronze.metrics_samples_raw",
                    "silver.metrics_samples",
                    "silver.metrics_rejects");

    private final ReadableConfig conf;
    private final List<MetricQuery> queries;
    private List<String> landingFiles = List.of();

    /** The backfill's range from Prometheus, fixed once: the read and its scope must agree. */
    private SourceTimeRange range;

    public MetricsPipeline(ReadableConfig conf, List<MetricQuery> queries) {
        this.conf = conf;
        this.queries = List.copyOf(queries);
        try {
            new MetricWindows(conf.get(MetricsOptions.WINDOW_STEP));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(
                    MetricsOptions.WINDOW_STEP.key() + ": " + e.getMessage(),
                    "use a step such as 1 min, 5 min or 15 min");
        }
        if (conf.get(MetricsOptions.RESOLUTION).toMillis() < 1000) {
            throw new ConfigurationError(
                    MetricsOptions.RESOLUTION.key() + " is below 1 s",
                    "set it to the scrape interval, e.g. 15 s");
        }
    }

    /** The pipeline with the metrics of {@link MetricsOptions#FILE}, or node-exporter's. */
    public static MetricsPipeline fromConfig(ReadableConfig conf) {
        List<MetricQuery> queries =
                conf.getOptional(MetricsOptions.FILE)
                        .filter(f -> !f.isBlank())
                        .map(f -> MetricsFile.load(Path.of(f)))
                        .orElseGet(MetricsFile::defaults);
        return new MetricsPipeline(conf, queries);
    }

    /** The metrics, as the metrics file names them. */
    public List<MetricQuery> queries() {
        return queries;
    }

    /** The windows' ends, every {@link MetricsOptions#WINDOW_STEP}. */
    public MetricWindows windows() {
        return new MetricWindows(conf.get(MetricsOptions.WINDOW_STEP));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PipelineDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void registerSources(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode)
            throws Exception {
        DataStream<RowData> read;
        if (mode == PipelineMode.STREAMING) {
            read = stream(env, tEnv, conf);
        } else if (conf.get(MetricsOptions.SOURCE) == MetricsSource.LANDING) {
            read = landing(env, conf);
        } else {
            read = prometheus(env, conf);
        }
        tEnv.createTemporaryView("metrics_read", tEnv.fromDataStream(read));
    }

    /** Every file under {@code <landing>/metrics/}, read in parallel. */
    private DataStream<RowData> landing(StreamExecutionEnvironment env, Configuration conf) {
        org.apache.flink.core.fs.Path root = landingRoot(conf);
        List<org.apache.flink.core.fs.Path> files =
                LandingFiles.list(
                        root,
                        "save Prometheus query_range responses there as <metric>/<name>.json, or"
                                + " set tributary.metrics.source=prometheus to read a server");
        landingFiles = files.stream().map(Object::toString).collect(Collectors.toList());
        return env.fromData(
                        MetricFolders.of(root, files),
                        TypeInformation.of(new TypeHint<Tuple2<String, String>>() {}))
                .uid("metrics-landing-files")
                .rebalance()
                .flatMap(new ReadResponseFiles(LANDING_ORIGIN))
                .returns(InternalTypeInfo.of(SampleRows.ROW_TYPE))
                .name("read query_range responses")
                .uid("metrics-landing-read");
    }

    /** Every metric's range queries over the backfill's time range, called in parallel. */
    private DataStream<RowData> prometheus(StreamExecutionEnvironment env, Configuration conf) {
        PrometheusClient client = new PrometheusClient(conf.get(MetricsOptions.PROMETHEUS_URL));
        long step = conf.get(MetricsOptions.RESOLUTION).toMillis();
        long until = millis(range().until().orElseThrow());
        long from = millis(range().from().orElseThrow());
        List<RangeQuery> calls = new ArrayList<>();
        for (MetricQuery q : queries) {
            client.check(q.name(), q.promql(), until - step);
            calls.addAll(RangeQuery.covering(q.name(), q.promql(), from, until, step));
        }
        return env.fromData(calls, TypeInformation.of(RangeQuery.class))
                .uid("metrics-prometheus-queries")
                .rebalance()
                .flatMap(new ReadRangeQueries(client.url(), PROMETHEUS_ORIGIN))
                .returns(InternalTypeInfo.of(SampleRows.ROW_TYPE))
                .name("query_range " + client.url())
                .uid("metrics-prometheus-read");
    }

    /**
     * Prometheus followed: each metric from where the lake's tables leave it ({@link StreamStart});
     * each table skips the samples it holds.
     */
    private DataStream<RowData> stream(
            StreamExecutionEnvironment env, StreamTableEnvironment tEnv, Configuration conf)
            throws Exception {
        String url = conf.get(MetricsOptions.PROMETHEUS_URL);
        PrometheusClient client = new PrometheusClient(url);
        Duration step = conf.get(MetricsOptions.RESOLUTION);
        long now = System.currentTimeMillis();
        long lastWhole =
                Math.floorDiv(
                                now - conf.get(MetricsOptions.STREAM_DELAY).toMillis(),
                                step.toMillis())
                        * step.toMillis();
        long fallback =
                lastWhole
                        - Math.floorDiv(
                                        conf.get(MetricsOptions.STREAM_HISTORY).toMillis(),
                                        step.toMillis())
                                * step.toMillis();
        List<LakeTable> fed =
                tables().stream()
                        .filter(t -> READ.contains(t.qualifiedName()))
                        .collect(Collectors.toList());
        StreamStart start = StreamStart.of(conf, fed, "silver.metrics_samples");
        tEnv.createTemporarySystemFunction(CommittedBefore.NAME, new CommittedBefore(start.held()));
        boolean bounded = conf.get(TributaryOptions.STREAMING_BOUNDED);
        List<MetricSplit> splits = new ArrayList<>();
        for (MetricQuery q : queries) {
            client.check(q.name(), q.promql(), lastWhole);
            long from = start.readUntil(q.name(), fallback);
            splits.add(
                    new MetricSplit(
                            q.name(),
                            q.promql(),
                            Math.floorDiv(from, step.toMillis()) * step.toMillis(),
                            bounded ? lastWhole : Long.MAX_VALUE));
        }
        PrometheusSource source =
                new PrometheusSource(
                        url,
                        splits,
                        step,
                        conf.get(MetricsOptions.STREAM_DELAY),
                        conf.get(MetricsOptions.STREAM_POLL_INTERVAL),
                        bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "prometheus: " + url)
                .uid("metrics-prometheus-stream");
    }

    /**
     * The backfill's time range from Prometheus, both ends set: by default the last day, up to the
     * first time it is asked for.
     */
    SourceTimeRange range() {
        if (range == null) {
            range = configuredRange();
        }
        return range;
    }

    private SourceTimeRange configuredRange() {
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).withNano(0);
        SourceTimeRange configured =
                SourceTimeRange.fromConfig(
                                conf,
                                MetricsOptions.BACKFILL_FROM,
                                MetricsOptions.BACKFILL_UNTIL,
                                "The metrics backfill")
                        .orElse(null);
        LocalDateTime until = configured == null ? now : configured.until().orElse(now);
        LocalDateTime from =
                configured == null
                        ? until.minus(Duration.ofDays(1))
                        : configured.from().orElse(until.minus(Duration.ofDays(1)));
        return SourceTimeRange.of(from, until);
    }

    private static long millis(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * The window statistics, metadata and SLA checks, per series: see {@link MetricsSeriesViews};
     * the SLAs are those in force in the lake ({@link SlaStore}).
     */
    @Override
    public void registerComputedViews(
            StreamTableEnvironment tEnv, Configuration conf, PipelineMode mode) throws Exception {
        MetricsSeriesViews.register(
                tEnv,
                conf,
                mode,
                mode == PipelineMode.BATCH
                        ? SlaSource.fixed(new SlaStore(conf).current())
                        : SlaSource.lake(SlaStore.location(conf)));
    }

    /** The landing files' bytes; a Prometheus server's answers are not known before. */
    @Override
    public OptionalLong batchInputBytes(Configuration conf) {
        return conf.get(MetricsOptions.SOURCE) == MetricsSource.LANDING
                ? OptionalLong.of(LandingFiles.bytes(landingRoot(conf)))
                : OptionalLong.empty();
    }

    private static org.apache.flink.core.fs.Path landingRoot(Configuration conf) {
        return new org.apache.flink.core.fs.Path(
                StoragePaths.join(conf.get(TributaryOptions.LANDING_ROOT), NAME));
    }

    /**
     * A backfill of landing files replaces the rows of the files it read; one of Prometheus the
     * samples of its time range.
     */
    @Override
    public Map<String, BackfillScope> backfillScopes() {
        Map<String, BackfillScope> scopes = new LinkedHashMap<>();
        for (String table : READ) {
            scopes.put(
                    table,
                    conf.get(MetricsOptions.SOURCE) == MetricsSource.LANDING
                            ? BackfillScope.ofInputs("source", landingFiles)
                            : range().scope("ts"));
        }
        return scopes;
    }

    @Override
    public PipelineDescriptor.Bindings bindings() {
        return new PipelineDescriptor.Bindings() {
            /** A stream's bronze, silver and rejects skip the samples they hold. */
            @Override
            public String rewrite(String name, String sql, PipelineMode m) {
                return m == PipelineMode.STREAMING && READ.contains(name)
                        ? CommittedBefore.skipCommitted(sql, name, "source", "`position`")
                        : sql;
            }

            @Override
            public Map<String, String> shared(PipelineMode m) {
                return Map.of(
                        "read",
                        conf.get(MetricsOptions.SOURCE) == MetricsSource.LANDING
                                ? "landing"
                                : "prometheus " + range());
            }
        };
    }
}
