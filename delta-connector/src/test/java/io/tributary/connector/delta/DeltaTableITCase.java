package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    @TempDir Path dir;

    private TableEnvironment tEnv;

    @BeforeEach
    void setUp() {
        tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("parallelism.default", "2");
    }

    private void declare(String name, String columns, String partitionedBy) {
        tEnv.executeSql(
                "CREATE TABLE "
                        + name
                        + " ("
                        + columns
                        + ")"
                        + (partitionedBy == null ? "" : " PARTITIONED BY (" + partitionedBy + ")")
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + dir.resolve(name)
                        + "', 'log.checkpoint-interval' = '2')");
    }

    /** Deletes a partition's data files from storage, leaving the log that lists them. */
    private void deleteDataFiles(String table, String partition) throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve(table).resolve(partition))) {
            List<Path> parquet =
                    files.filter(p -> p.toString().endsWith(".parquet"))
                            .collect(Collectors.toList());
            assertThat(parquet).isNotEmpty();
            for (Path p : parquet) {
                Files.delete(p);
            }
        }
    }

    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    @Test
    void appendsReadsBackAndOverwritesPartitions() throws Exception {
        declare(
                "events",
                "id BIGINT, name STRING, amount DECIMAL(10, 2), ts TIMESTAMP_LTZ(3), dt DATE",
                "dt");
        tEnv.executeSql(
                        "INSERT INTO events VALUES"
                                + " (1, 'a', 1.50, TO_TIMESTAMP_LTZ(1431856800000, 3), DATE '2015-05-17'),"
                                + " (2, CAST(NULL AS STRING), 2.25, TO_TIMESTAMP_LTZ(1431943200000, 3), DATE '2015-05-18'),"
                                + " (3, 'c', 3.00, TO_TIMESTAMP_LTZ(1431943200123, 3), DATE '2015-05-18')")
                .await();
        assertThat(query("SELECT id, name, amount, dt FROM events ORDER BY id"))
                .containsExactly(
                        "+I[1, a, 1.50, 2015-05-17]",
                        "+I[2, null, 2.25, 2015-05-18]",
                        "+I[3, c, 3.00, 2015-05-18]");
        assertThat(query("SELECT CAST(ts AS STRING) FROM events WHERE id = 3"))
                .singleElement()
                .asString()
                .contains("123");

        tEnv.executeSql(
                        "INSERT OVERWRITE events VALUES"
                                + " (4, 'd', 4.00, TO_TIMESTAMP_LTZ(1431943200000, 3), DATE '2015-05-18')")
                .await();
        assertThat(query("SELECT id, dt FROM events ORDER BY id"))
                .as("only the partition that received rows is replaced")
                .containsExactly("+I[1, 2015-05-17]", "+I[4, 2015-05-18]");

        // Pruning is proven by reading around a partition whose files are gone from storage.
        deleteDataFiles("events", "dt=2015-05-18");
        assertThat(query("SELECT id FROM events WHERE dt = DATE '2015-05-17'"))
                .containsExactly("+I[1]");
        assertThat(query("SELECT id FROM events WHERE dt < DATE '2015-05-18'"))
                .containsExactly("+I[1]");
        assertThatThrownBy(() -> query("SELECT id FROM events"))
                .hasStackTraceContaining("2015-05-18");
    }

    @Test
    void aScopedOverwriteReplacesTheRowsOfItsValuesOnlyWhereverTheyAre() throws Exception {
        declare("loads", "id INT, src STRING, p STRING", "p");
        // One file in partition x mixes three sources; partition y holds only source b.
        tEnv.executeSql(
                        "INSERT INTO loads VALUES (1, 'a', 'x'), (2, 'b', 'x'), (3, 'c', 'x'), (4, 'b', 'y'),"
                                + " (7, 'q;z', 'z')")
                .await();
        String scope =
                "/*+ OPTIONS('sink.replace-where.column' = 'src', "
                        + "'sink.replace-where.values' = 'b;\"q;z\"') */";
        tEnv.executeSql("INSERT OVERWRITE loads " + scope + " VALUES (5, 'b', 'x')").await();
        assertThat(query("SELECT id, src, p FROM loads ORDER BY id"))
                .as(
                        "b's rows and the quoted value's replaced in every partition; a and c kept beside them")
                .containsExactly("+I[1, a, x]", "+I[3, c, x]", "+I[5, b, x]");

        assertThatThrownBy(
                        () ->
                                tEnv.executeSql(
                                                "INSERT OVERWRITE loads "
                                                        + scope
                                                        + " VALUES (6, 'd', 'x')")
                                        .await())
                .as("a row outside the scope would survive every rerun")
                .hasStackTraceContaining(
                        "src = 'd' is outside this overwrite's sink.replace-where.values");
        assertThat(query("SELECT id FROM loads ORDER BY id"))
                .containsExactly("+I[1]", "+I[3]", "+I[5]");

        assertThatThrownBy(
                        () ->
                                tEnv.executeSql(
                                                "INSERT INTO loads "
                                                        + scope
                                                        + " VALUES (8, 'b', 'x')")
                                        .await())
                .hasStackTraceContaining("replace-where applies to INSERT OVERWRITE");
    }

    /**
     * A backfill of a time range read from a database replaces that range's rows, whatever file
     * holds them.
     */
    @Test
    void aRangeScopedOverwriteReplacesTheRowsOfItsTimeRangeOnly() throws Exception {
        declare("requests", "id INT, ts TIMESTAMP(3), d DATE", null);
        // One file mixes rows before, inside and after March; a NULL time is in no range.
        tEnv.executeSql(
                        "INSERT INTO requests VALUES (1, TIMESTAMP '2024-02-29 23:59:59.999', DATE '2024-02-29'),"
                                + " (2, TIMESTAMP '2024-03-01 00:00:00', DATE '2024-03-01'),"
                                + " (3, TIMESTAMP '2024-03-31 23:59:59.999', DATE '2024-03-31'),"
                                + " (4, TIMESTAMP '2024-04-01 00:00:00', DATE '2024-04-01'), (5, CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS DATE))")
                .await();
        String march =
                "/*+ OPTIONS('sink.replace-where.column' = 'ts', 'sink.replace-where.from' = '2024-03-01', "
                        + "'sink.replace-where.until' = '2024-04-01T00:00') */";
        tEnv.executeSql(
                        "INSERT OVERWRITE requests "
                                + march
                                + " VALUES (3, TIMESTAMP '2024-03-31 23:59:59.999', DATE '2024-03-31')")
                .await();
        assertThat(query("SELECT id FROM requests ORDER BY id"))
                .as("March's rows replaced; the edges and NULL kept")
                .containsExactly("+I[1]", "+I[3]", "+I[4]", "+I[5]");

        assertThatThrownBy(
                        () ->
                                tEnv.executeSql(
                                                "INSERT OVERWRITE requests "
                                                        + march
                                                        + " VALUES (6, TIMESTAMP '2024-04-01 00:00:00', CAST(NULL AS DATE))")
                                        .await())
                .as("until is excluded: a row there would survive a rerun of March")
                .hasStackTraceContaining(
                        "ts = 2024-04-01T00:00 is outside this overwrite's sink.replace-where range "
                                + "[2024-03-01T00:00, 2024-04-01T00:00)");

        String fromApril =
                "/*+ OPTIONS('sink.replace-where.column' = 'd', 'sink.replace-where.from' = '2024-04-01') */";
        tEnv.executeSql(
                        "INSERT OVERWRITE requests "
                                + fromApril
                                + " VALUES (7, CAST(NULL AS TIMESTAMP(3)), DATE '2024-04-02')")
                .await();
        assertThat(query("SELECT id FROM requests ORDER BY id"))
                .as("an open end: every day from April on")
                .containsExactly("+I[1]", "+I[3]", "+I[5]", "+I[7]");

        assertThatThrownBy(
                        () ->
                                tEnv.executeSql(
                                                "INSERT OVERWRITE requests /*+ OPTIONS('sink.replace-where.column' = "
                                                        + "'ts', 'sink.replace-where.from' = 'March') */ VALUES (8, CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS DATE))")
                                        .await())
                .hasStackTraceContaining("replace-where from: 'March' is not a date or time");
        assertThatThrownBy(
                        () ->
                                tEnv.executeSql(
                                                "INSERT OVERWRITE requests /*+ OPTIONS('sink.replace-where.column' = "
                                                        + "'id', 'sink.replace-where.from' = '2024-01-01') */ VALUES (8, CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS DATE))")
                                        .await())
                .hasStackTraceContaining(
                        "a replace-where range needs a TIMESTAMP or DATE column; 'id' is INT");
    }

    /**
     * A rerun reads back only the files that mix its scope with other rows: a file whose statistics
     * put every row in the scope is removed unread, proven by files gone from storage. A NULL is in
     * no scope, so a file that holds one beside scoped rows is still read and rewritten.
     */
    @Test
    void filesWhoseStatisticsHoldOnlyScopedRowsAreRemovedUnread() throws Exception {
        // One writer: each partition is one file.
        tEnv.getConfig().set("parallelism.default", "1");
        declare("loads", "id INT, src STRING, ts TIMESTAMP(3), p STRING", "p");
        tEnv.executeSql(
                        "INSERT INTO loads VALUES (1, 'b', TIMESTAMP '2024-03-01 00:00:00', 'only-b'),"
                                + " (2, 'b', TIMESTAMP '2024-03-02 00:00:00', 'only-b'),"
                                + " (3, 'b', TIMESTAMP '2024-03-03 00:00:00', 'b-and-null'),"
                                + " (4, CAST(NULL AS STRING), TIMESTAMP '2024-03-04 00:00:00', 'b-and-null'),"
                                + " (5, 'a', TIMESTAMP '2024-05-01 00:00:00', 'may'),"
                                + " (6, 'a', TIMESTAMP '2024-05-31 23:59:59', 'may'),"
                                + " (7, 'a', TIMESTAMP '2024-05-31 23:59:59.9995', 'may-edge')")
                .await();
        deleteDataFiles("loads", "p=only-b");
        tEnv.executeSql(
                        "INSERT OVERWRITE loads /*+ OPTIONS('sink.replace-where.column' = 'src', "
                                + "'sink.replace-where.values' = 'b') */"
                                + " VALUES (8, 'b', TIMESTAMP '2024-03-05 00:00:00', 'b-and-null')")
                .await();
        assertThat(query("SELECT id FROM loads ORDER BY id"))
                .as("the file of b's rows only removed unread; the NULL beside b kept")
                .containsExactly("+I[4]", "+I[5]", "+I[6]", "+I[7]", "+I[8]");

        deleteDataFiles("loads", "p=may");
        tEnv.executeSql(
                        "INSERT OVERWRITE loads /*+ OPTIONS('sink.replace-where.column' = 'ts', "
                                + "'sink.replace-where.from' = '2024-05-01', 'sink.replace-where.until' = '2024-06-01') */"
                                + " VALUES (9, 'a', TIMESTAMP '2024-05-15 00:00:00', 'may')")
                .await();
        assertThat(query("SELECT id FROM loads ORDER BY id"))
                .as(
                        "May's file removed unread; the file a millisecond from the end read and replaced")
                .containsExactly("+I[4]", "+I[8]", "+I[9]");
    }

    /**
     * In a keyed table a range's overwrite also replaces the rows of the keys it writes, wherever
     * they are.
     */
    @Test
    void aRangeScopedOverwriteOfAKeyedTableKeepsEachKeyOnce() throws Exception {
        declare(
                "runs",
                "id INT, started_at TIMESTAMP(3), status STRING, PRIMARY KEY (id) NOT ENFORCED",
                null);
        tEnv.executeSql(
                        "INSERT INTO runs VALUES (1, TIMESTAMP '2025-02-10 00:00:00', 'running'),"
                                + " (2, TIMESTAMP '2025-02-11 00:00:00', 'success'), (3, TIMESTAMP '2025-03-02 00:00:00', 'success')")
                .await();
        // Since then run 1 was restarted in March: the database now holds it there.
        tEnv.executeSql(
                        "INSERT OVERWRITE runs /*+ OPTIONS('sink.replace-where.column' = 'started_at', "
                                + "'sink.replace-where.from' = '2025-03-01', 'sink.replace-where.until' = '2025-04-01') */ VALUES "
                                + "(1, TIMESTAMP '2025-03-05 00:00:00', 'success'), (3, TIMESTAMP '2025-03-02 00:00:00', 'failure')")
                .await();
        assertThat(query("SELECT id, started_at, status FROM runs ORDER BY id"))
                .as("run 1 once, at its new time; February's other run kept")
                .containsExactly(
                        "+I[1, 2025-03-05T00:00, success]",
                        "+I[2, 2025-02-11T00:00, success]",
                        "+I[3, 2025-03-02T00:00, failure]");
    }

    /**
     * Another engine turned deletion vectors on: reading or rewriting the table file by file would
     * be wrong.
     */
    @Test
    void aTableWithDeletionVectorsIsRefusedForReadsWritesAndVacuum() throws Exception {
        declare("shared", "id INT, name STRING", null);
        tEnv.executeSql("INSERT INTO shared VALUES (1, 'a')").await();
        Files.writeString(
                dir.resolve("shared/_delta_log").resolve(String.format("%020d.json", 1)),
                "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,\"readerFeatures\":[\"deletionVectors\"],"
                        + "\"writerFeatures\":[\"appendOnly\",\"invariants\",\"deletionVectors\"]}}\n");
        String refusal =
                "uses deletion vectors (table feature deletionVectors), which Tributary does not apply";
        assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO shared VALUES (2, 'b')").await())
                .hasStackTraceContaining(refusal);
        assertThatThrownBy(() -> query("SELECT * FROM shared")).hasStackTraceContaining(refusal);
        assertThatThrownBy(
                        () ->
                                DeltaMaintenance.vacuum(
                                        dir.resolve("shared").toString(),
                                        java.util.Map.of(),
                                        java.time.Duration.ofDays(7),
                                        true,
                                        false))
                .hasStackTraceContaining(refusal);
    }

    @Test
    void overwriteOfUnpartitionedTableReplacesEverythingAndRerunsAreIdempotent() throws Exception {
        declare("totals", "k STRING, v BIGINT", null);
        for (int run = 0; run < 3; run++) {
            tEnv.executeSql("INSERT OVERWRITE totals VALUES ('x', 1), ('y', 2)").await();
        }
        assertThat(query("SELECT k, v FROM totals ORDER BY k"))
                .containsExactly("+I[x, 1]", "+I[y, 2]");
    }

    @Test
    void writesProtocolStatisticsAndLogCheckpoints() throws Exception {
        declare("logged", "id INT, label STRING", null);
        for (int i = 0; i < 3; i++) {
            tEnv.executeSql(
                            "INSERT INTO logged VALUES ("
                                    + i
                                    + ", 'l"
                                    + i
                                    + "'), ("
                                    + (i + 10)
                                    + ", CAST(NULL AS STRING))")
                    .await();
        }
        Path log = dir.resolve("logged").resolve("_delta_log");
        String first = Files.readString(log.resolve(String.format("%020d.json", 0)));
        assertThat(first)
                .contains("\"minReaderVersion\":1")
                .doesNotContain("deletionVectors")
                .doesNotContain("columnMapping");
        assertThat(first)
                .contains("\"txn\"")
                .contains("\\\"numRecords\\\":2")
                .contains("\\\"minValues\\\"")
                .contains("\\\"nullCount\\\"");
        try (Stream<Path> files = Files.list(log)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertThat(names).anyMatch(n -> n.endsWith(".checkpoint.parquet"));
        }
        assertThat(query("SELECT COUNT(*), COUNT(label), MIN(id), MAX(id) FROM logged"))
                .containsExactly("+I[6, 3, 0, 12]");
    }

    @Test
    void rejectsAnIncompatibleDeclaration() throws Exception {
        declare("fixed", "id INT, label STRING", null);
        tEnv.executeSql("INSERT INTO fixed VALUES (1, 'x')").await();
        tEnv.executeSql(
                "CREATE TABLE fixed_wrong (id BIGINT, label STRING) WITH ('connector' = 'delta', 'path' = '"
                        + dir.resolve("fixed")
                        + "')");
        assertThatThrownBy(
                        () ->
                                tEnv.executeSql(
                                                "INSERT INTO fixed_wrong VALUES (CAST(1 AS BIGINT), 'x')")
                                        .await())
                .hasStackTraceContaining(
                        "column 'id' is integer in the table but long in the declaration");
    }
}
