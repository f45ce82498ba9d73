package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Updates and deletes merged into Delta tables copy-on-write, with and without a primary key. */
class DeltaChangelogITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(4);

    private static final int ROWS = 3_000;
    private static final int KEYS = 7;

    @TempDir Path dir;

    private String table(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void streamingAggregateKeepsAKeyedTableCurrentAcrossCheckpoints() throws Exception {
        StreamTableEnvironment tEnv = streaming();
        tEnv.executeSql(
                "CREATE TABLE counts (k INT, n BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table("counts")
                        + "', 'sink.target-file-size' = '1kb')");
        tEnv.executeSql(
                        "INSERT INTO counts SELECT k, COUNT(*), SUM(CAST(v AS BIGINT))"
                                + " FROM (SELECT MOD(v, "
                                + KEYS
                                + ") AS k, v FROM numbers) GROUP BY k")
                .await();

        Map<Integer, String> expected = new TreeMap<>();
        for (int k = 0; k < KEYS; k++) {
            long n = 0;
            long total = 0;
            for (int v = 0; v < ROWS; v++) {
                if (v % KEYS == k) {
                    n++;
                    total += v;
                }
            }
            expected.put(k, "+I[" + k + ", " + n + ", " + total + "]");
        }
        assertThat(
                        read(
                                "SELECT * FROM counts ORDER BY k",
                                "counts",
                                "k INT, n BIGINT, total BIGINT",
                                "k"))
                .containsExactlyElementsOf(expected.values());
        assertThat(commitsWithRemoves(table("counts")))
                .as("several checkpoints, each rewriting the files that held the keys it changed")
                .isGreaterThan(1);
    }

    @Test
    void tableWithoutKeyTakesRetractionsRowByRow() throws Exception {
        StreamTableEnvironment tEnv = streaming();
        tEnv.executeSql(
                "CREATE TABLE sizes (n BIGINT)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table("sizes")
                        + "')");
        // The count per key changes with every row: each change retracts the old value.
        tEnv.executeSql(
                        "INSERT INTO sizes SELECT COUNT(*) FROM (SELECT MOD(v, "
                                + KEYS
                                + ") AS k FROM numbers) GROUP BY k")
                .await();
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            long n = (ROWS - k + KEYS - 1) / KEYS;
            expected.add("+I[" + n + "]");
        }
        assertThat(read("SELECT * FROM sizes", "sizes", "n BIGINT", null))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void upsertsAndDeletesFromAChangelogAcrossJobs() throws Exception {
        // Full before- and after-images, as Debezium or DMS deliver them.
        writeChangelog(
                List.of(
                        Row.ofKind(RowKind.INSERT, "a", 1L), Row.ofKind(RowKind.INSERT, "b", 2L),
                        Row.ofKind(RowKind.INSERT, "c", 3L),
                                Row.ofKind(RowKind.UPDATE_BEFORE, "b", 2L),
                        Row.ofKind(RowKind.UPDATE_AFTER, "b", 20L),
                                Row.ofKind(RowKind.DELETE, "c", 3L)));
        // A later job deletes and updates what the first one wrote; deleting a missing key is a
        // no-op.
        writeChangelog(
                List.of(
                        Row.ofKind(RowKind.DELETE, "a", 1L), Row.ofKind(RowKind.INSERT, "c", 30L),
                        Row.ofKind(RowKind.INSERT, "d", 4L), Row.ofKind(RowKind.DELETE, "zz", 0L)));
        assertThat(read("SELECT * FROM kv ORDER BY id", "kv", "id STRING, v BIGINT", "id"))
                .containsExactly("+I[b, 20]", "+I[c, 30]", "+I[d, 4]");
    }

    @Test
    void aRetractedRowWithAComputedNaNLeavesTheTable() throws Exception {
        // Two jobs, so the retraction meets the row as read back from its Parquet file.
        writeReadings(0);
        writeReadings(1);
        assertThat(
                        read(
                                "SELECT * FROM readings",
                                "readings",
                                "name STRING, v DOUBLE, vs ARRAY<DOUBLE>",
                                null))
                .containsExactlyInAnyOrder("+I[b, 1.0, [2.0]]", "+I[c, NaN, [NaN]]");
    }

    @Test
    void batchInsertIntoAKeyedTableUpserts() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE kv (id STRING, v BIGINT, PRIMARY KEY (id) NOT ENFORCED)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table("kv")
                        + "')");
        tEnv.executeSql("INSERT INTO kv VALUES ('a', 1), ('b', 2)").await();
        tEnv.executeSql("INSERT INTO kv VALUES ('b', 3), ('c', 4)").await();
        assertThat(read("SELECT * FROM kv ORDER BY id", "kv", "id STRING, v BIGINT", "id"))
                .containsExactly("+I[a, 1]", "+I[b, 3]", "+I[c, 4]");
    }

    @Test
    void onlyFilesHoldingAChangedKeyAreRewritten() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE kv (id STRING, v BIGINT, PRIMARY KEY (id) NOT ENFORCED)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table("kv")
                        + "')");
        tEnv.executeSql("INSERT INTO kv VALUES ('a', 1), ('c', 3)").await();
        // 'b' lies inside the first file's id range, so that file is scanned, but it holds no 'b'.
        tEnv.executeSql("INSERT INTO kv VALUES ('b', 2)").await();
        tEnv.executeSql("INSERT INTO kv VALUES ('c', 30)").await();
        assertThat(removesIn(table("kv"), 1)).as("a new key rewrites nothing").isZero();
        assertThat(removesIn(table("kv"), 2)).as("only the file holding 'c'").isEqualTo(1);
        assertThat(read("SELECT * FROM kv ORDER BY id", "kv", "id STRING, v BIGINT", "id"))
                .containsExactly("+I[a, 1]", "+I[b, 2]", "+I[c, 30]");
    }

    private static long removesIn(String table, long version) throws Exception {
        return Files.readAllLines(
                        Path.of(table, "_delta_log", String.format("%020d.json", version)))
                .stream()
                .filter(line -> line.startsWith("{\"remove\""))
                .count();
    }

    private StreamTableEnvironment streaming() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(200);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        // Throttled, so that several checkpoints complete while rows arrive.
        tEnv.executeSql(
                "CREATE TEMPORARY TABLE numbers (v INT) WITH ('connector' = 'datagen',"
                        + " 'number-of-rows' = '"
                        + ROWS
                        + "', 'rows-per-second' = '500', 'fields.v.kind' = 'sequence',"
                        + " 'fields.v.start' = '0', 'fields.v.end' = '"
                        + (ROWS - 1)
                        + "')");
        return tEnv;
    }

    private void writeChangelog(List<Row> changes) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        DataStream<Row> stream = env.fromData(changes);
        tEnv.createTemporaryView(
                "changes",
                tEnv.fromChangelogStream(
                        stream,
                        Schema.newBuilder()
                                .column("f0", DataTypes.STRING().notNull())
                                .column("f1", DataTypes.BIGINT())
                                .primaryKey("f0")
                                .build(),
                        ChangelogMode.all()));
        tEnv.executeSql(
                "CREATE TABLE kv (id STRING NOT NULL, v BIGINT, PRIMARY KEY (id) NOT ENFORCED)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table("kv")
                        + "')");
        tEnv.executeSql("INSERT INTO kv SELECT f0, f1 FROM changes").await();
    }

    /**
     * Job 0 inserts a, b and c; job 1 retracts a. Rows are made in the task, so their NaN is the
     * one x86 arithmetic gives (0xfff8…): serialising them with the job would make it canonical.
     */
    private void writeReadings(int job) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        int rows = readings(job).size();
        DataStream<Row> stream =
                env.fromSequence(0, rows - 1)
                        .map(i -> readings(job).get(i.intValue()))
                        .returns(
                                Types.ROW_NAMED(
                                        new String[] {"name", "v", "vs"},
                                        Types.STRING,
                                        Types.DOUBLE,
                                        Types.OBJECT_ARRAY(Types.DOUBLE)));
        tEnv.createTemporaryView("changes", tEnv.fromChangelogStream(stream));
        tEnv.executeSql(
                "CREATE TABLE readings (name STRING, v DOUBLE, vs ARRAY<DOUBLE>)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table("readings")
                        + "')");
        tEnv.executeSql("INSERT INTO readings SELECT name, v, vs FROM changes").await();
    }

    private static List<Row> readings(int job) {
        double computedNaN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);
        Row a = Row.of("a", computedNaN, new Double[] {computedNaN, 1.0});
        if (job == 1) {
            a.setKind(RowKind.DELETE);
            return List.of(a);
        }
        return List.of(
                a,
                Row.of("b", 1.0, new Double[] {2.0}),
                Row.of("c", computedNaN, new Double[] {computedNaN}));
    }

    /** Reads a table back in batch mode through a declaration of its own. */
    private List<String> read(String query, String name, String columns, String key)
            throws Exception {
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(
                "CREATE TABLE "
                        + name
                        + " ("
                        + columns
                        + (key == null ? "" : ", PRIMARY KEY (" + key + ") NOT ENFORCED")
                        + ") WITH ('connector' = 'delta', 'path' = '"
                        + table(name)
                        + "')");
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = batch.executeSql(query).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    private static long commitsWithRemoves(String table) throws Exception {
        try (Stream<Path> log = Files.list(Path.of(table, "_delta_log"))) {
            List<Path> commits =
                    log.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList());
            long n = 0;
            for (Path commit : commits) {
                if (Files.readString(commit).contains("\"remove\"")) {
                    n++;
                }
            }
            return n;
        }
    }
}
