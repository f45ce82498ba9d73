package io.tributary.pipelines.streams;

import io.tributary.connector.kinesis.KinesisSource;
import io.tributary.pipelines.runtime.BackfillScope;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.LandingFiles;
import io.tributary.pipelines.runtime.LandingLinesFormat;
import io.tributary.pipelines.runtime.LandingSplits;
import io.tributary.pipelines.runtime.LiveTables;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.StoragePaths;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;

/**
 * The text lines of a line-based pipeline (web logs, shop events): landing files in batch mode, a
 * Kafka topic or a Kinesis stream in streaming mode, both as {@link
 * io.tributary.pipelines.runtime.LineRows}. A backfill's bronze and silver lose only the rows of
 * the files it read; a stream's skip the records they hold, so a fresh start neither loses nor
 * doubles a line.
 */
@Internal
public final class LineSources {
    /** The pipeline's own settings that say where its stream comes from and how it reads. */
    public record StreamOptions(
            ConfigOption<StreamSource> source,
            ConfigOption<String> topic,
            ConfigOption<String> stream,
            ConfigOption<LineRecordFormat> format) {}

    private final String pipeline;
    private final List<String> fedByLines;
    private final StreamOptions streamOptions;
    private List<String> landingFiles = List.of();

    /**
     * @param fedByLines the qualified tables each line lands in (bronze and silver)
     */
    public LineSources(String pipeline, List<String> fedByLines, StreamOptions streamOptions) {
        this.pipeline = pipeline;
        this.fedByLines = List.copyOf(fedByLines);
        this.streamOptions = streamOptions;
    }

    /**
     * Registers the lines as the temporary view {@code view}: in batch mode those of every file
     * under {@code <landing>/<pipeline>/} ({@code whenEmpty} tells the user what to do when there
     * is none), in streaming mode those of the Kafka topic or Kinesis stream the pipeline's {@link
     * StreamOptions} name.
     */
    public void registerView(
            String view,
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode,
            List<LakeTable> tables,
            String whenEmpty)
            throws Exception {
        DataStream<RowData> lines;
        if (mode == PipelineMode.BATCH) {
            lines = landing(env, conf, whenEmpty);
        } else {
            LineRecordFormat format = conf.get(streamOptions.format());
            lines =
                    conf.get(streamOptions.source()) == StreamSource.KINESIS
                            ? kinesis(
                                    env,
                                    tEnv,
                                    conf,
                                    tables,
                                    conf.get(streamOptions.stream()),
                                    format)
                            : kafka(
                                    env,
                                    tEnv,
                                    conf,
                                    tables,
                                    conf.get(streamOptions.topic()),
                                    format);
        }
        tEnv.createTemporaryView(view, tEnv.fromDataStream(lines));
    }

    /** How many bytes a backfill with {@code conf} reads: its landing files'. */
    public long landingBytes(Configuration conf) {
        return LandingFiles.bytes(landingFolder(conf));
    }

    private Path landingFolder(Configuration conf) {
        return new Path(StoragePaths.join(conf.get(TributaryOptions.LANDING_ROOT), pipeline));
    }

    /** Every file under {@code <landing>/<pipeline>/}, plain or compressed, line by line. */
    private DataStream<RowData> landing(
            StreamExecutionEnvironment env, Configuration conf, String whenEmpty) {
        Path landing = landingFolder(conf);
        List<Path> files = LandingFiles.list(landing, whenEmpty);
        landingFiles = files.stream().map(Path::toString).collect(Collectors.toList());
        FileSource<RowData> source =
                FileSource.forBulkFileFormat(new LandingLinesFormat(), files.toArray(new Path[0]))
                        .setFileEnumerator(LandingSplits.provider())
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "landing: " + landing)
                .uid(pipeline + "-landing-source");
    }

    /** The tables fed by lines lose only the rows of the landing files a backfill read. */
    public Map<String, BackfillScope> backfillScopes() {
        Map<String, BackfillScope> scopes = new LinkedHashMap<>();
        fedByLines.forEach(t -> scopes.put(t, BackfillScope.ofInputs("source_file", landingFiles)));
        return scopes;
    }

    /**
     * The topic's records. A job started without state reads each partition from the lowest offset
     * any table fed by lines lacks, and registers {@link CommittedBefore} so that each of those
     * tables skips the records it holds (see {@link #skipCommitted}).
     */
    private DataStream<RowData> kafka(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            List<LakeTable> tables,
            String topic,
            LineRecordFormat format)
            throws Exception {
        Map<String, Map<String, Long>> held =
                CommittedOffsets.byTable(
                        conf,
                        fed(tables),
                        List.of(topic),
                        "source_file",
                        "line_number",
                        "origin = '" + LiveTables.STREAM_ORIGIN + "'");
        tEnv.createTemporarySystemFunction(CommittedBefore.NAME, new CommittedBefore(held));
        KafkaSource<RowData> source =
                KafkaSources.source(
                        conf,
                        pipeline,
                        List.of(topic),
                        new LineRecordDeserializer(format),
                        CommittedOffsets.lowestNext(held));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka: " + topic)
                .uid(pipeline + "-kafka-source");
    }

    /**
     * The stream's records. A job started without state reads each shard after the lowest sequence
     * number every table fed by lines holds (a shard some table lacks: from its start), and each of
     * those tables skips the records it holds, as with Kafka.
     */
    private DataStream<RowData> kinesis(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            List<LakeTable> tables,
            String stream,
            LineRecordFormat format)
            throws Exception {
        Map<String, Map<String, String>> held =
                CommittedSequences.byTable(
                        conf,
                        fed(tables),
                        KinesisSources.streamNameOf(stream),
                        "source_file",
                        "origin = '" + LiveTables.STREAM_ORIGIN + "'");
        tEnv.createTemporarySystemFunction(
                CommittedBefore.NAME, new CommittedBefore(Map.of(), held));
        KinesisSource<RowData> source =
                KinesisSources.source(
                        conf,
                        stream,
                        new LineShardRecords(format),
                        CommittedSequences.lowestHeld(held));
        return env.fromSource(
                        source,
                        WatermarkStrategy.noWatermarks(),
                        "kinesis: " + KinesisSources.streamNameOf(stream))
                .uid(pipeline + "-kinesis-source");
    }

    private List<LakeTable> fed(List<LakeTable> tables) {
        return tables.stream()
                .filter(t -> fedByLines.contains(t.qualifiedName()))
                .collect(Collectors.toList());
    }

    /** A stream's statement into a table fed by lines, skipping the records the table holds. */
    public String skipCommitted(String table, String sql) {
        return fedByLines.contains(table)
                ? CommittedBefore.skipCommitted(sql, table, "source_file", "line_number")
                : sql;
    }
}
