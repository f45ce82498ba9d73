package io.tributary.pipelines.cdc;

import io.tributary.connector.delta.source.DeltaSource;
import io.tributary.pipelines.cdc.internal.BronzeReplay;
import io.tributary.pipelines.cdc.internal.CdcRows;
import io.tributary.pipelines.cdc.internal.ChangeKeys;
import io.tributary.pipelines.cdc.internal.ChangeRouter;
import io.tributary.pipelines.cdc.internal.CurrentStateFunction;
import io.tributary.pipelines.cdc.internal.CurrentVersions;
import io.tributary.pipelines.cdc.internal.HistoryFunction;
import io.tributary.pipelines.cdc.internal.ToRows;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.DeclaredPipeline;
import io.tributary.pipelines.runtime.LakeCatalog;
import io.tributary.pipelines.runtime.LakeTable;
import io.tributary.pipelines.runtime.LiveTables;
import io.tributary.pipelines.runtime.PipelineDescriptor;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.StreamSource;
import io.tributary.pipelines.streams.CommittedBefore;
import io.tributary.pipelines.streams.CommittedOffsets;
import io.tributary.pipelines.streams.CommittedSequences;
import io.tributary.pipelines.streams.KafkaSources;
import io.tributary.pipelines.streams.KinesisSources;
import io.tributary.pipelines.streams.RawRecordDeserializer;
import io.tributary.pipelines.streams.RawShardRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;
import org.apache.kafka.common.TopicPartition;

/**
 * Generic CDC ingestion: the change events of any listed table (Debezium or AWS DMS JSON, from
 * Kafka) become {@code bronze.cdc_<table>} (the raw events), {@code silver.<domain>_<table>} (the
 * current state, upserted by primary key in the source's commit order, deletes removing the row)
 * and optionally {@code silver.<domain>_<table>_history} (SCD2). Control events land in {@code
 * bronze.cdc_control_events}; records that are no change event in {@code bronze.cdc_rejects};
 * events whose row does not fit its columns in {@code silver.cdc_rejects}.
 *
 * <pre>
 *  kafka (topics) -> cdc-router --------------------------------> bronze.cdc_&lt;t&gt;
 *                       |  side outputs: control, rejects ----> bronze.cdc_control_events, *_rejects
 *                       +-> changes of t -+-> keyBy(pk) -> cdc-current-&lt;t&gt; -> silver.&lt;d&gt;_&lt;t&gt;
 *  bronze.cdc_&lt;t&gt; as of the start        |          \--> cdc-history-&lt;t&gt; -> silver.&lt;d&gt;_&lt;t&gt;_history
 *    -> cdc-bronze-replay-&lt;t&gt; -----------+
 * </pre>
 *
 * <p>Fresh starts neither skip nor repeat. The tables that hold Kafka records (bronze, the control
 * events, both rejects tables) name each record's partition and offset: a job started without state
 * reads each partition from the lowest offset one of them lacks, and each skips what it holds
 * ({@link CommittedBefore}). The keyed silver tables hold no offsets: their operators replay what
 * bronze held at the start ({@link BronzeReplay}), which rebuilds their state and re-sends every
 * change, absorbed as upserts — so a job killed between bronze's and silver's commits starts fresh
 * with silver complete.
 *
 * <p>Streaming mode only: a backfill of a silver table reads its database, which is the domain
 * pipeline's batch mode.
 */
@PublicEvolving
public final class CdcPipeline implements DeclaredPipeline {
    public static final String NAME = "cdc";
    private static final PipelineDescriptor DESCRIPTOR = PipelineDescriptor.load(CdcPipeline.class);

    /** The tables every captured table's events share: control events and rejects. */
    private static final List<String> SHARED_TABLES = DESCRIPTOR.fixedTables();

    private final List<CdcTableSpec> specs;

    public CdcPipeline(List<CdcTableSpec> specs) {
        this.specs = CdcTablesFile.validated(specs);
    }

    /** The pipeline over the tables listed in {@link CdcOptions#TABLES_FILE}. */
    public static CdcPipeline fromConfig(ReadableConfig conf) {
        String file =
                conf.getOptional(CdcOptions.TABLES_FILE)
                        .filter(f -> !f.isBlank())
                        .orElseThrow(
                                () ->
                                        new ConfigurationError(
                                                CdcOptions.TABLES_FILE.key() + " is not set",
                                                "list the captured tables in a YAML file (see docs/cdc.md) and pass -D "
                                                        + CdcOptions.TABLES_FILE.key()
                                                        + "=<file>"));
        return new CdcPipeline(CdcTablesFile.load(Path.of(file)));
    }

    public List<CdcTableSpec> specs() {
        return specs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PipelineDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * The captured tables: each one's names, and the columns and keys its silver tables declare.
     */
    @Override
    public PipelineDescriptor.Bindings bindings() {
        return new PipelineDescriptor.Bindings() {
            @Override
            public List<Map<String, String>> items(String each) {
                return specs.stream()
                        .filter(spec -> each.equals("table") || spec.history())
                        .map(CdcPipeline::values)
                        .collect(Collectors.toList());
            }

            /**
             * Bronze and the shared tables skip the Kafka records they hold (a fresh start re-reads
             * some).
             */
            @Override
            public String rewrite(String name, String sql, PipelineMode mode) {
                return SHARED_TABLES.contains(name) || name.equals("bronze.cdc_table")
                        ? CommittedBefore.skipCommitted(
                                sql, LiveTables.targetOf(sql), "source", "source_offset")
                        : sql;
            }
        };
    }

    private static Map<String, String> values(CdcTableSpec spec) {
        List<String> historyKey = new ArrayList<>(spec.primaryKey());
        historyKey.add("valid_from");
        Map<String, String> values = new HashMap<>();
        values.put("name", spec.name());
        values.put("silver_table", spec.silverTable());
        values.put("history_table", spec.historyTable());
        values.put("columns", columns(spec.rowType()));
        values.put("key", quoted(spec.primaryKey()));
        values.put("history_columns", columns(CdcRows.history(spec)));
        values.put("history_key", quoted(historyKey));
        return values;
    }

    private static String columns(RowType type) {
        return type.getFields().stream()
                .map(f -> "  `" + f.getName() + "` " + f.getType().asSerializableString())
                .collect(Collectors.joining(",\n"));
    }

    private static String quoted(List<String> columns) {
        return columns.stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
    }

    @Override
    public void registerSources(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode)
            throws Exception {
        if (mode != PipelineMode.STREAMING) {
            throw streamingOnly();
        }
        Map<String, CdcFormat> formatByTopic = new LinkedHashMap<>();
        specs.forEach(s -> formatByTopic.put(s.topic(), s.format()));
        List<String> topics = new ArrayList<>(formatByTopic.keySet());
        Map<String, String> startBySource = new HashMap<>();
        DataStream<RowData> raw =
                conf.get(CdcOptions.SOURCE) == StreamSource.KINESIS
                        ? kinesis(env, tEnv, conf, topics, startBySource)
                        : kafka(env, tEnv, conf, topics, startBySource);
        SingleOutputStreamOperator<RowData> events =
                raw.process(
                                new ChangeRouter(
                                        specs,
                                        formatByTopic,
                                        conf.get(CdcOptions.UNKNOWN_TABLES)
                                                == CdcOptions.UnknownTables.REJECT),
                                InternalTypeInfo.of(CdcRows.EVENT))
                        .name("decode and route change events")
                        .uid("cdc-router");
        tEnv.createTemporaryView("cdc_events", tEnv.fromDataStream(events));
        tEnv.createTemporaryView(
                "cdc_control", tEnv.fromDataStream(events.getSideOutput(ChangeRouter.CONTROL)));
        tEnv.createTemporaryView(
                "cdc_bronze_rejects",
                tEnv.fromDataStream(events.getSideOutput(ChangeRouter.BRONZE_REJECTS)));
        DataStream<RowData> silverRejects = events.getSideOutput(ChangeRouter.SILVER_REJECTS);
        for (CdcTableSpec spec : specs) {
            DataStream<RowData> changes =
                    events.getSideOutput(ChangeRouter.changesOf(spec))
                            .union(replayed(env, tEnv, conf, spec, startBySource));
            // With SCD2 history every deleted key is remembered there; silver must agree with it.
            Duration deletedKeyRetention =
                    spec.history() ? null : conf.get(CdcOptions.DELETED_KEY_RETENTION);
            SingleOutputStreamOperator<RowData> current =
                    changes.keyBy(new ChangeKeys(spec))
                            .process(
                                    new CurrentStateFunction(spec, deletedKeyRetention),
                                    InternalTypeInfo.of(spec.rowType()))
                            .name("current state: " + spec.name())
                            .uid("cdc-current-" + spec.name());
            silverRejects =
                    silverRejects.union(current.getSideOutput(CurrentStateFunction.UNRESOLVED));
            tEnv.createTemporaryView(
                    "cdc_" + spec.name() + "_current",
                    changelog(
                            tEnv,
                            current,
                            spec.rowType(),
                            spec.primaryKey(),
                            "cdc-current-rows-" + spec.name()));
            if (spec.history()) {
                DataStream<RowData> history =
                        changes.union(currentVersions(tEnv, spec))
                                .keyBy(new ChangeKeys(spec))
                                .process(
                                        new HistoryFunction(spec),
                                        InternalTypeInfo.of(CdcRows.history(spec)))
                                .name("SCD2 history: " + spec.name())
                                .uid("cdc-history-" + spec.name());
                List<String> key = new ArrayList<>(spec.primaryKey());
                key.add("valid_from");
                tEnv.createTemporaryView(
                        "cdc_" + spec.name() + "_history",
                        changelog(
                                tEnv,
                                history,
                                CdcRows.history(spec),
                                key,
                                "cdc-history-rows-" + spec.name()));
            }
        }
        tEnv.createTemporaryView("cdc_silver_rejects", tEnv.fromDataStream(silverRejects));
    }

    /**
     * The topics' records, from the offsets every record table lacks; {@code startBySource} gets
     * the first offset read per partition.
     */
    private DataStream<RowData> kafka(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            List<String> topics,
            Map<String, String> startBySource)
            throws Exception {
        Map<String, Map<String, Long>> held =
                CommittedOffsets.byTable(
                        conf, recordTables(), topics, "source", "source_offset", null);
        tEnv.createTemporarySystemFunction(CommittedBefore.NAME, new CommittedBefore(held));
        Map<TopicPartition, Long> start = CommittedOffsets.lowestNext(held);
        start.forEach(
                (p, next) ->
                        startBySource.put(
                                KafkaSources.sourceOf(p.topic(), p.partition()),
                                Long.toString(next)));
        return env.fromSource(
                        KafkaSources.source(conf, NAME, topics, new RawRecordDeserializer(), start),
                        WatermarkStrategy.noWatermarks(),
                        "kafka: " + String.join(", ", topics))
                .uid("cdc-kafka-source");
    }

    /**
     * The streams' records (one source per stream), each shard after the last sequence number every
     * record table holds; {@code startBySource} gets that number per shard.
     */
    private DataStream<RowData> kinesis(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            List<String> streams,
            Map<String, String> startBySource)
            throws Exception {
        Map<String, Map<String, String>> held = new HashMap<>();
        DataStream<RowData> records = null;
        for (String stream : streams) {
            String name = KinesisSources.streamNameOf(stream);
            Map<String, Map<String, String>> ofStream =
                    CommittedSequences.byTable(conf, recordTables(), name, "source", null);
            ofStream.forEach(
                    (table, shards) ->
                            held.computeIfAbsent(table, t -> new HashMap<>()).putAll(shards));
            Map<String, String> after = CommittedSequences.lowestHeld(ofStream);
            after.forEach(
                    (shard, seq) -> startBySource.put(KinesisSources.shardOf(name, shard), seq));
            DataStream<RowData> one =
                    env.fromSource(
                                    KinesisSources.source(
                                            conf, stream, new RawShardRecords(stream), after),
                                    WatermarkStrategy.noWatermarks(),
                                    "kinesis: " + name)
                            .uid("cdc-kinesis-source-" + name);
            records = records == null ? one : records.union(one);
        }
        tEnv.createTemporarySystemFunction(
                CommittedBefore.NAME, new CommittedBefore(Map.of(), held));
        return records;
    }

    /** The tables whose rows name the stream record they came from. */
    private List<LakeTable> recordTables() {
        return tables().stream()
                .filter(
                        t ->
                                t.layer().equals("bronze")
                                        || SHARED_TABLES.contains(t.qualifiedName()))
                .collect(Collectors.toList());
    }

    /**
     * What bronze held of the table's events at the start, before the offsets Kafka is read from. A
     * DataStream source with uids, not a query: the planner's operators get generated ids, which a
     * restore could not match once the bounded read has finished.
     */
    private DataStream<RowData> replayed(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            CdcTableSpec spec,
            Map<String, String> startBySource) {
        String bronze = "bronze.cdc_" + spec.name();
        LakeCatalog.createIfAbsent(tEnv, bronze);
        LakeTable table =
                tables().stream()
                        .filter(t -> t.qualifiedName().equals(bronze))
                        .findFirst()
                        .orElseThrow();
        DeltaSource read =
                new DeltaSource(
                        table.location(LakeCatalog.lakeRoot(conf)),
                        BronzeReplay.READ,
                        List.of(),
                        List.of(),
                        new HashMap<>());
        return env.fromSource(read, WatermarkStrategy.noWatermarks(), bronze + " as of the start")
                .uid("cdc-bronze-read-" + spec.name())
                .flatMap(
                        new BronzeReplay(spec, startBySource),
                        InternalTypeInfo.of(CdcRows.routed(spec)))
                .name("replay of " + bronze)
                .uid("cdc-bronze-replay-" + spec.name());
    }

    /**
     * The versions the history table holds, read once, so that a fresh job knows what new changes
     * end or remove.
     */
    private static DataStream<RowData> currentVersions(
            StreamTableEnvironment tEnv, CdcTableSpec spec) {
        LakeCatalog.createIfAbsent(tEnv, spec.historyTable());
        Table versions = tEnv.sqlQuery(CurrentVersions.query(spec));
        DataType type = versions.getResolvedSchema().toPhysicalRowDataType();
        return tEnv.toDataStream(versions)
                .map(new CurrentVersions(spec, type), InternalTypeInfo.of(CdcRows.routed(spec)))
                .name("current versions: " + spec.historyTable())
                .uid("cdc-history-seed-" + spec.name());
    }

    private static Table changelog(
            StreamTableEnvironment tEnv,
            DataStream<RowData> changes,
            RowType type,
            List<String> key,
            String uid) {
        DataType dataType = TypeConversions.fromLogicalToDataType(type);
        DataStream<Row> rows =
                changes.map(new ToRows(dataType), ExternalTypeInfo.of(dataType)).name(uid).uid(uid);
        return tEnv.fromChangelogStream(
                rows,
                Schema.newBuilder().fromRowDataType(dataType).primaryKey(key).build(),
                ChangelogMode.all());
    }

    private static ConfigurationError streamingOnly() {
        return new ConfigurationError(
                "The cdc pipeline runs in streaming mode only",
                "use --mode streaming (add --bounded to stop at the offsets present at start); backfill a "
                        + "silver table from its database with its domain's batch pipeline");
    }

    @Override
    public List<Stage> stages(PipelineMode mode) {
        if (mode != PipelineMode.STREAMING) {
            throw streamingOnly();
        }
        return DeclaredPipeline.super.stages(mode);
    }
}
