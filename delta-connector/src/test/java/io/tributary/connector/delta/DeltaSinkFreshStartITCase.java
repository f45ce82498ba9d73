package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.LogWatch;
import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming jobs that start from empty state on a table an earlier job wrote: their checkpoint ids
 * start again at 1, and neither that nor a recomputed result may corrupt the table.
 */
class DeltaSinkFreshStartITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    @TempDir Path dir;

    @Test
    void aFreshJobWithTheSameSinkIdIsNotMistakenForAReplay() throws Exception {
        String ddl =
                "CREATE TABLE events (v INT) WITH ('connector' = 'delta', 'path' = '"
                        + dir.resolve("events")
                        + "', 'sink.id' = 'ingest')";
        streamingRun(ddl, "INSERT INTO events VALUES (1), (2)");
        streamingRun(ddl, "INSERT INTO events VALUES (3)");
        assertThat(read(ddl, "SELECT v FROM events ORDER BY v"))
                .containsExactly("+I[1]", "+I[2]", "+I[3]");
    }

    @Test
    void replaceOnStartMakesARecomputedAggregateReplaceTheTable() throws Exception {
        String ddl =
                "CREATE TABLE totals (k STRING, n BIGINT) WITH ('connector' = 'delta', 'path' = '"
                        + dir.resolve("totals")
                        + "', 'sink.replace-on-start' = 'true')";
        String aggregate =
                "INSERT INTO totals SELECT k, COUNT(*) FROM (VALUES %s) AS t(k) GROUP BY k";
        streamingRun(ddl, String.format(aggregate, "('a'), ('a'), ('b')"));
        // The same job started over, from empty state, over more input: it recomputes everything.
        streamingRun(ddl, String.format(aggregate, "('a'), ('a'), ('b'), ('b'), ('c')"));
        assertThat(read(ddl, "SELECT k, n FROM totals ORDER BY k"))
                .containsExactly("+I[a, 2]", "+I[b, 2]", "+I[c, 1]");
    }

    /**
     * A fresh streaming job that recomputes a table from another it reads continuously replaces it
     * only once it has read that table's rows as of its start: no version of the table ever holds a
     * count of half the input (D13).
     */
    @Test
    void aFreshJobReplacesItsResultOnlyOnceItsInputHasCaughtUp() throws Exception {
        String source =
                "CREATE TABLE src (k STRING, pad STRING) WITH ('connector' = 'delta', 'path' = '"
                        + dir.resolve("src")
                        + "', 'sink.target-file-size' = '8kb')";
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(source);
        batch.executeSql(
                "CREATE TEMPORARY TABLE numbers (i BIGINT) WITH ('connector' = 'datagen', "
                        + "'number-of-rows' = '20000', 'fields.i.kind' = 'sequence', 'fields.i.start' = '1', "
                        + "'fields.i.end' = '20000')");
        batch.executeSql(
                        "INSERT INTO src SELECT CAST(MOD(i, 7) AS STRING), REPEAT('x', 40) FROM numbers")
                .await();
        String totalsPath = dir.resolve("totals").toString();
        String totals =
                "CREATE TABLE totals (k STRING, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
                        + "'connector' = 'delta', 'path' = '"
                        + totalsPath
                        + "')";
        batch.executeSql(totals);
        batch.executeSql("INSERT OVERWRITE totals SELECT k, COUNT(*) FROM src GROUP BY k").await();
        long before = DeltaTableInfo.load(totalsPath, java.util.Map.of()).orElseThrow().version();

        String catchUp = dir.resolve("catch-up").toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(20);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.executeSql(source);
        tEnv.executeSql(totals);
        org.apache.flink.table.api.TableResult job =
                tEnv.executeSql(
                        "INSERT INTO totals /*+ OPTIONS("
                                + "'sink.replace-on-start' = 'true', 'sink.replace-on-start.catch-up-dir' = '"
                                + catchUp
                                + "') */ "
                                + "SELECT k, COUNT(*) FROM src /*+ OPTIONS('source.monitor-interval' = '100 ms', "
                                + "'source.catch-up-dir' = '"
                                + catchUp
                                + "') */ GROUP BY k");
        try {
            assertThat(
                            LogWatch.until(
                                    dir.resolve("totals"),
                                    java.time.Duration.ofMinutes(2),
                                    () ->
                                            DeltaTableInfo.load(totalsPath, java.util.Map.of())
                                                            .orElseThrow()
                                                            .version()
                                                    > before))
                    .as("the stream's replacing commit")
                    .isTrue();
        } finally {
            job.getJobClient().orElseThrow().cancel().get();
        }
        long latest = DeltaTableInfo.load(totalsPath, java.util.Map.of()).orElseThrow().version();
        for (long version = before; version <= latest; version++) {
            assertThat(rowsAt(totalsPath, version))
                    .as("version %d of %d", version, latest)
                    .isEqualTo(rowsAt(totalsPath, before));
        }
    }

    /** The table's rows as of a version, sorted, read file by file. */
    private static List<String> rowsAt(String table, long version) {
        io.delta.kernel.engine.Engine engine =
                io.tributary.connector.delta.internal.DeltaEngines.create(java.util.Map.of());
        io.delta.kernel.Snapshot snapshot =
                io.delta.kernel.Table.forPath(engine, table)
                        .getSnapshotAsOfVersion(engine, version);
        org.apache.flink.table.types.logical.RowType type =
                org.apache.flink.table.types.logical.RowType.of(
                        new org.apache.flink.table.types.logical.LogicalType[] {
                            new org.apache.flink.table.types.logical.VarCharType(Integer.MAX_VALUE),
                            new org.apache.flink.table.types.logical.BigIntType()
                        },
                        new String[] {"k", "n"});
        List<String> rows = new ArrayList<>();
        for (io.tributary.connector.delta.internal.TableFiles.TableFile file :
                io.tributary.connector.delta.internal.TableFiles.list(
                        engine, snapshot, java.util.Optional.empty())) {
            try (io.tributary.connector.delta.source.DeltaFileIterator it =
                    io.tributary.connector.delta.source.DeltaFileIterator.open(
                            table,
                            type,
                            List.of(),
                            java.util.Map.of(),
                            file.path,
                            file.size,
                            file.partitionValues)) {
                it.forEachRemaining(r -> rows.add(r.getString(0) + "=" + r.getLong(1)));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static void streamingRun(String ddl, String insert) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.executeSql(ddl);
        tEnv.executeSql(insert).await();
    }

    private static List<String> read(String ddl, String query) throws Exception {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(ddl);
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = batch.executeSql(query).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
