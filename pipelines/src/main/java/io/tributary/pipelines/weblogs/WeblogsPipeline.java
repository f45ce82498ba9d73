package io.tributary.pipelines.weblogs;

import io.tributary.pipelines.kafka.CommittedBefore;
import io.tributary.pipelines.kafka.CommittedOffsets;
import io.tributary.pipelines.kafka.KafkaSources;
import io.tributary.pipelines.kafka.LineRecordDeserializer;
import io.tributary.pipelines.kafka.LineRecordFormat;
import io.tributary.pipelines.runtime.BackfillScope;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.LandingFiles;
import io.tributary.pipelines.runtime.LandingLinesFormat;
import io.tributary.pipelines.runtime.LiveTables;
import io.tributary.pipelines.runtime.Pipeline;
import io.tributary.pipelines.runtime.PipelineDescriptor;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.StoragePaths;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.udfs.sql.ParseAccessLogFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;

/**
 * Web server access logs (Apache/Nginx common and combined formats) into the lake: lines → {@code
 * bronze.weblogs_raw} → {@code silver.weblogs_requests} and {@code silver.weblogs_rejects} → the
 * {@code gold.weblogs_*} answers. In batch mode the lines come from landing files, in streaming
 * mode from a Kafka topic; the SQL is the same. Each mode writes its own {@code origin} partitions
 * of bronze and silver, so a backfill never erases streamed rows, and gold is computed over both. A
 * backfill replaces in bronze and silver only the rows of the landing files it read, so nightly
 * one-day backfills add up to the lake of one backfill over every day.
 */
public final class WeblogsPipeline implements Pipeline {
    public static final String NAME = "weblogs";

    private static final PipelineDescriptor DESCRIPTOR =
            PipelineDescriptor.load(WeblogsPipeline.class);

    /** The tables each line lands in: a backfill replaces their rows of the files it reads. */
    static final List<String> BRONZE_SILVER =
            Stream.concat(
                            DESCRIPTOR.fixedTables("bronze").stream(),
                            DESCRIPTOR.fixedTables("silver").stream())
                    .collect(Collectors.toList());

    /** The gold tables, a contract with analysts (and the Glue catalog). */
    public static final List<String> GOLD = DESCRIPTOR.fixedTables("gold");

    /** The landing files the last batch source registered reads, as its rows name them. */
    private List<String> landingFiles = List.of();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<LakeTable> tables() {
        return DESCRIPTOR.tables(new PipelineDescriptor.Bindings() {});
    }

    @Override
    public void registerSources(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode)
            throws Exception {
        tEnv.createTemporarySystemFunction(
                ParseAccessLogFunction.NAME, ParseAccessLogFunction.class);
        DataStream<RowData> lines =
                mode == PipelineMode.BATCH
                        ? landingLines(env, conf)
                        : streamedLines(env, tEnv, conf);
        tEnv.createTemporaryView("weblogs_lines", tEnv.fromDataStream(lines));
    }

    private DataStream<RowData> landingLines(StreamExecutionEnvironment env, Configuration conf) {
        Path landing = new Path(StoragePaths.join(conf.get(TributaryOptions.LANDING_ROOT), NAME));
        List<Path> files =
                LandingFiles.list(
                        landing,
                        "put Apache/Nginx access logs there (plain or .gz), generate "
                                + "some with 'tributary generate weblogs --lines 100000', or set tributary.landing.root");
        landingFiles = files.stream().map(Path::toString).collect(Collectors.toList());
        FileSource<RowData> source =
                FileSource.forBulkFileFormat(new LandingLinesFormat(), files.toArray(new Path[0]))
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "landing: " + landing)
                .uid("weblogs-landing-source");
    }

    /** Bronze and silver lose only the rows of the landing files this backfill read. */
    @Override
    public Map<String, BackfillScope> backfillScopes() {
        Map<String, BackfillScope> scopes = new LinkedHashMap<>();
        BRONZE_SILVER.forEach(
                t -> scopes.put(t, BackfillScope.ofInputs("source_file", landingFiles)));
        return scopes;
    }

    /**
     * Lines from Kafka. A job started without state reads each partition from the lowest offset any
     * of bronze and silver lacks, and each of those tables skips the records it holds already: a
     * job killed between two tables' commits restarts fresh without a line missing or doubled.
     */
    private DataStream<RowData> streamedLines(
            StreamExecutionEnvironment env, StreamTableEnvironment tEnv, Configuration conf)
            throws Exception {
        String topic = conf.get(WeblogsOptions.TOPIC);
        LineRecordFormat format = conf.get(WeblogsOptions.FORMAT);
        List<LakeTable> fedByTheStream =
                tables().stream()
                        .filter(t -> BRONZE_SILVER.contains(t.qualifiedName()))
                        .collect(Collectors.toList());
        Map<String, Map<String, Long>> held =
                CommittedOffsets.byTable(
                        conf,
                        fedByTheStream,
                        List.of(topic),
                        "source_file",
                        "line_number",
                        "origin = '" + LiveTables.STREAM_ORIGIN + "'");
        tEnv.createTemporarySystemFunction(CommittedBefore.NAME, new CommittedBefore(held));
        KafkaSource<RowData> source =
                KafkaSources.source(
                        conf,
                        NAME,
                        List.of(topic),
                        new LineRecordDeserializer(format),
                        CommittedOffsets.lowestNext(held));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka: " + topic)
                .uid("weblogs-kafka-source");
    }

    @Override
    public List<Stage> stages(PipelineMode mode) {
        return DESCRIPTOR.stages(
                mode,
                new PipelineDescriptor.Bindings() {
                    /**
                     * A stream's bronze and silver skip the Kafka records they hold (a fresh start
                     * re-reads some).
                     */
                    @Override
                    public String rewrite(String name, String sql, PipelineMode m) {
                        return m == PipelineMode.STREAMING && BRONZE_SILVER.contains(name)
                                ? CommittedBefore.skipCommitted(
                                        sql, name, "source_file", "line_number")
                                : sql;
                    }
                });
    }
}
