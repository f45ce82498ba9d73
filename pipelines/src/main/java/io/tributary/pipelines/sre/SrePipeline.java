package io.tributary.pipelines.sre;

import io.tributary.pipelines.runtime.BackfillScope;
import io.tributary.pipelines.runtime.DeclaredPipeline;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.LiveTables;
import io.tributary.pipelines.runtime.PipelineDescriptor;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.SourceTimeRange;
import io.tributary.pipelines.runtime.SqlHints;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.sre.internal.JdbcSourceTables;
import io.tributary.pipelines.sre.internal.SloJudgeFunction;
import io.tributary.pipelines.sre.internal.SloTargetFunction;
import io.tributary.udfs.sre.ContributorsFunction;
import io.tributary.udfs.sre.MedianGapFunction;
import io.tributary.udfs.sre.PercentileFunction;
import io.tributary.udfs.sre.RecommendationFunction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * SLIs and SLOs from the deploy pipeline ({@code esteira_prod}), the request log ({@code log}) and
 * incidents ({@code chamados}).
 *
 * <pre>
 *  batch:      JDBC (partitioned scans) --> bronze.sre_&lt;table&gt; (as read, with origin)
 *                                      \-> silver.sre_&lt;table&gt; (the table now, keyed)
 *  streaming:  Kafka CDC --(pipeline cdc, conf/sre-cdc-tables.yaml)--> silver.sre_&lt;table&gt;
 *
 *  both:       silver.sre_* --> checks --> silver.sre_rejects (reason per row)
 *                                  \--> facts (period x service) --> one aggregation (sre_sli)
 *                                          --> gold.sre_sli_monthly
 *                                          --> SLO_JUDGE (targets file) --> gold.sre_slo_report
 *                                                       \--> missed --> gold.sre_top_contributors
 *                                                                   \--> gold.sre_recommendations
 * </pre>
 *
 * <p>Gold is a function of the silver tables in both modes: the streaming job reads them
 * continuously (a CDC commit arrives as the changed rows' deletes and inserts) and recomputes its
 * outputs from a full read when it starts afresh.
 */
@PublicEvolving
public final class SrePipeline implements DeclaredPipeline {
    public static final String NAME = "sre";
    static final List<String> SOURCES = List.of("esteira_prod", "log", "chamados");

    /**
     * Each source's time: what a backfill's time range selects by ({@link
     * SreOptions#BACKFILL_FROM}).
     */
    static final Map<String, String> TIME_COLUMNS =
            Map.of("esteira_prod", "started_at", "log", "ts", "chamados", "opened_at");

    private static final PipelineDescriptor DESCRIPTOR = PipelineDescriptor.load(SrePipeline.class);

    /** The gold tables, a contract with analysts (and the Glue catalog). */
    public static final List<String> GOLD = DESCRIPTOR.fixedTables("gold");

    private final ReadableConfig conf;
    private final List<SloTarget> targets;
    private final Optional<SourceTimeRange> timeRange;

    public SrePipeline(ReadableConfig conf, List<SloTarget> targets) {
        this.conf = conf;
        this.targets = List.copyOf(targets);
        this.timeRange =
                SourceTimeRange.fromConfig(
                        conf,
                        SreOptions.BACKFILL_FROM,
                        SreOptions.BACKFILL_UNTIL,
                        "The SRE backfill");
    }

    /** The pipeline with the targets of {@link SreOptions#SLO_FILE}, or last year's. */
    public static SrePipeline fromConfig(ReadableConfig conf) {
        List<SloTarget> targets =
                conf.getOptional(SreOptions.SLO_FILE)
                        .filter(f -> !f.isBlank())
                        .map(f -> SloTargetsFile.load(Path.of(f)))
                        .orElseGet(SloTargetsFile::defaults);
        return new SrePipeline(conf, targets);
    }

    public List<SloTarget> targets() {
        return targets;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PipelineDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Gold's statements read only the lake's declared tables, through SQL views. */
    @Override
    public boolean derivedPlansReusable() {
        return true;
    }

    /**
     * A backfill of a time range replaces that range's bronze and silver rows; without one, whole
     * tables.
     */
    @Override
    public Map<String, BackfillScope> backfillScopes() {
        Map<String, BackfillScope> scopes = new LinkedHashMap<>();
        timeRange.ifPresent(
                range ->
                        SOURCES.forEach(
                                t -> {
                                    scopes.put("bronze.sre_" + t, range.scope(TIME_COLUMNS.get(t)));
                                    scopes.put("silver.sre_" + t, range.scope(TIME_COLUMNS.get(t)));
                                }));
        return scopes;
    }

    @Override
    public void registerSources(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode)
            throws Exception {
        tEnv.createTemporarySystemFunction(PercentileFunction.MEDIAN, PercentileFunction.median());
        tEnv.createTemporarySystemFunction(PercentileFunction.P90, PercentileFunction.p90());
        tEnv.createTemporarySystemFunction(MedianGapFunction.NAME, MedianGapFunction.class);
        tEnv.createTemporarySystemFunction(ContributorsFunction.NAME, ContributorsFunction.class);
        tEnv.createTemporarySystemFunction(
                RecommendationFunction.NAME, RecommendationFunction.class);
        tEnv.createTemporarySystemFunction(SloJudgeFunction.NAME, new SloJudgeFunction(targets));
        tEnv.createTemporarySystemFunction(SloTargetFunction.NAME, new SloTargetFunction(targets));
        if (mode == PipelineMode.BATCH) {
            JdbcSourceTables.register(tEnv, SreDatabase.fromConfig(conf), conf);
        } else {
            // The CDC job may not have committed yet: its tables are read from their first version.
            SOURCES.forEach(t -> LakeCatalog.createIfAbsent(tEnv, "silver.sre_" + t));
        }
    }

    @Override
    public PipelineDescriptor.Bindings bindings() {
        String catchUp = LiveTables.catchUpDir(conf, NAME);
        return new PipelineDescriptor.Bindings() {
            /** The database's tables, each read whole or in the backfill's time range. */
            @Override
            public List<Map<String, String>> items(String each) {
                String source =
                        conf.getOptional(SreOptions.JDBC_URL)
                                .map(url -> new SreDatabase(url, null, null).redacted())
                                .orElse("jdbc")
                                .replace("'", "''");
                return SOURCES.stream()
                        .map(
                                table ->
                                        Map.of(
                                                "name",
                                                table,
                                                "source",
                                                source + "/" + table,
                                                "where",
                                                timeRange
                                                        .map(r -> r.where(TIME_COLUMNS.get(table)))
                                                        .orElse("")))
                        .collect(Collectors.toList());
            }

            @Override
            public Map<String, String> shared(PipelineMode m) {
                String readOptions =
                        m == PipelineMode.BATCH
                                ? ""
                                : LiveTables.readOptions(
                                        conf.get(TributaryOptions.STREAMING_BOUNDED)
                                                ? null
                                                : conf.get(
                                                        TributaryOptions
                                                                .STREAMING_MONITOR_INTERVAL),
                                        catchUp);
                return Map.of(
                        "read_options",
                        readOptions,
                        "read",
                        timeRange.map(r -> "database " + r).orElse("database"));
            }

            /**
             * A fresh streaming start reads the silver tables whole: its outputs are recomputed,
             * not added to.
             */
            @Override
            public String rewrite(String name, String sql, PipelineMode m) {
                boolean recomputed = name.equals("silver.sre_rejects") || name.startsWith("gold.");
                return m == PipelineMode.STREAMING && recomputed
                        ? SqlHints.withSinkOptions(sql, LiveTables.recomputingSinkOptions(catchUp))
                        : sql;
            }
        };
    }
}
