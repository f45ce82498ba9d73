package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every column type the connector supports survives a write and a read, nulls included, and the
 * files carry the min/max/null-count statistics that readers use to skip them.
 */
class DeltaTypesITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    private static final String COLUMNS =
            "b BOOLEAN, t TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE,"
                    + " dec_small DECIMAL(5, 2), dec_mid DECIMAL(15, 3), dec_big DECIMAL(30, 4),"
                    + " str STRING, bin BYTES, dt DATE, ts TIMESTAMP_LTZ(6), ntz TIMESTAMP(6), part STRING";

    @TempDir Path dir;

    @Test
    void everyTypeRoundTripsWithStatistics() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("table.local-time-zone", "UTC");
        tEnv.executeSql(
                "CREATE TABLE typed ("
                        + COLUMNS
                        + ") PARTITIONED BY (part) WITH ('connector' = 'delta', 'path' = '"
                        + dir.resolve("typed")
                        + "')");
        tEnv.executeSql(
                        "INSERT INTO typed VALUES"
                                + " (TRUE, CAST(-128 AS TINYINT), CAST(-32768 AS SMALLINT), -2147483648, -9223372036854775808,"
                                + "  CAST(-1.5 AS FLOAT), -2.25, -999.99, -123456789012.345, CAST('-12345678901234567890123456.7890' AS DECIMAL(30, 4)),"
                                + "  'Grüße, 東京 \uD83D\uDE00', X'00FF10', DATE '1969-12-31', CAST(TIMESTAMP '1969-12-31 23:59:59.999999' AS TIMESTAMP_LTZ(6)),"
                                + "  TIMESTAMP '1969-12-31 23:59:59.999999', 'p1'),"
                                + " (FALSE, CAST(127 AS TINYINT), CAST(32767 AS SMALLINT), 2147483647, 9223372036854775807,"
                                + "  CAST(3.5 AS FLOAT), 1e300, 999.99, 123456789012.345, CAST('12345678901234567890123456.7890' AS DECIMAL(30, 4)),"
                                + "  '', X'', DATE '2038-01-19', TO_TIMESTAMP_LTZ(2147483647123, 3),"
                                + "  TIMESTAMP '2038-01-19 03:14:07.123456', 'p1'),"
                                + " (CAST(NULL AS BOOLEAN), CAST(NULL AS TINYINT), CAST(NULL AS SMALLINT), CAST(NULL AS INT),"
                                + "  CAST(NULL AS BIGINT), CAST(NULL AS FLOAT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(5, 2)),"
                                + "  CAST(NULL AS DECIMAL(15, 3)), CAST(NULL AS DECIMAL(30, 4)), CAST(NULL AS STRING),"
                                + "  CAST(NULL AS BYTES), CAST(NULL AS DATE), CAST(NULL AS TIMESTAMP_LTZ(6)),"
                                + "  CAST(NULL AS TIMESTAMP(6)), 'p2')")
                .await();

        assertThat(query(tEnv, "SELECT * FROM typed ORDER BY part, i"))
                .containsExactly(
                        "+I[true, -128, -32768, -2147483648, -9223372036854775808, -1.5, -2.25, -999.99,"
                                + " -123456789012.345, -12345678901234567890123456.7890, Grüße, 東京 \uD83D\uDE00, [0, -1, 16],"
                                + " 1969-12-31, 1969-12-31T23:59:59.999999Z, 1969-12-31T23:59:59.999999, p1]",
                        "+I[false, 127, 32767, 2147483647, 9223372036854775807, 3.5, 1.0E300, 999.99,"
                                + " 123456789012.345, 12345678901234567890123456.7890, , [], 2038-01-19,"
                                + " 2038-01-19T03:14:07.123Z, 2038-01-19T03:14:07.123456, p1]",
                        "+I[null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, p2]");

        String stats = addStats(dir.resolve("typed"), "part=p1");
        assertThat(stats).contains("\"numRecords\":2");
        assertThat(stats).contains("\"i\":-2147483648").contains("\"i\":2147483647");
        assertThat(stats)
                .as("Kernel reads bounds back through doubles: none for wide decimals")
                .doesNotContain("\"dec_big\":-")
                .contains("\"dec_mid\":-123456789012.345");
        assertThat(stats).contains("\"dt\":\"1969-12-31\"").contains("\"dt\":\"2038-01-19\"");
        assertThat(stats).contains("\"str\":\"\"");
        assertThat(addStats(dir.resolve("typed"), "part=p2"))
                .contains("\"numRecords\":1")
                .contains("\"str\":1");
    }

    @Test
    void arraysRoundTripInOrderWithNullAndEmptyOnes() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE lists (k INT, names ARRAY<STRING>, scores ARRAY<DOUBLE>,"
                        + " counts ARRAY<BIGINT>, prices ARRAY<DECIMAL(18, 4)>) WITH ('connector' ="
                        + " 'delta', 'path' = '"
                        + dir.resolve("lists")
                        + "')");
        tEnv.executeSql(
                        "INSERT INTO lists VALUES"
                                + " (1, ARRAY['b', 'a', 'Grüße'], ARRAY[0.5, 0.25], ARRAY[CAST(3 AS BIGINT)],"
                                + "  ARRAY[CAST(1.5 AS DECIMAL(18, 4))]),"
                                + " (2, ARRAY['x', CAST(NULL AS STRING), 'y'], ARRAY[CAST(NULL AS DOUBLE)],"
                                + "  ARRAY_REMOVE(ARRAY[CAST(1 AS BIGINT)], CAST(1 AS BIGINT)), CAST(NULL AS ARRAY<DECIMAL(18, 4)>)),"
                                + " (3, CAST(NULL AS ARRAY<STRING>), ARRAY_REMOVE(ARRAY[0.0], 0.0),"
                                + "  CAST(NULL AS ARRAY<BIGINT>), ARRAY[CAST(-2 AS DECIMAL(18, 4)), CAST(0 AS DECIMAL(18, 4))])")
                .await();

        assertThat(query(tEnv, "SELECT * FROM lists ORDER BY k"))
                .containsExactly(
                        "+I[1, [b, a, Grüße], [0.5, 0.25], [3], [1.5000]]",
                        "+I[2, [x, null, y], [null], [], null]",
                        "+I[3, null, [], null, [-2.0000, 0.0000]]");
        assertThat(query(tEnv, "SELECT k, names[2], CARDINALITY(scores) FROM lists ORDER BY k"))
                .containsExactly("+I[1, a, 2]", "+I[2, null, 1]", "+I[3, null, 0]");
    }

    @Test
    void manyPartitionsBeyondTheOpenFileLimitAreAllWritten() throws Exception {
        TableEnvironment tEnv = partitionedByKeyWithThreeOpenFiles("wide");
        // Keys come in runs of 100 rows cycling through 0..9: three open files never hold them all.
        tEnv.executeSql("INSERT INTO wide SELECT MOD(n / 100, 10), CAST(n AS STRING) FROM numbers")
                .await();
        assertThat(
                        query(
                                tEnv,
                                "SELECT k, COUNT(*), COUNT(DISTINCT v) FROM wide GROUP BY k ORDER BY k"))
                .hasSize(10)
                .allSatisfy(r -> assertThat(r).endsWith(", 1000, 1000]"));
        assertThat(countDataFiles(dir.resolve("wide")))
                .as("a file closes whenever a fourth partition needs one")
                .isGreaterThan(10);
    }

    @Test
    void aPartitionBeingWrittenStaysOpenWhileStrayRowsComeAndGo() throws Exception {
        TableEnvironment tEnv = partitionedByKeyWithThreeOpenFiles("days");
        // Days 0..9 in order, as a log's lines come; every 50th row belongs to one of five other
        // days (a late line), more than the open files left beside the day being written.
        tEnv.executeSql(
                        "INSERT INTO days SELECT CASE WHEN MOD(n, 50) = 49 THEN 100 + MOD(n / 50, 5)"
                                + " ELSE n / 1000 END, CAST(n AS STRING) FROM numbers")
                .await();

        for (int day = 0; day < 10; day++) {
            assertThat(countDataFiles(dir.resolve("days").resolve("k=" + day)))
                    .as("files of day %d: the least recently written file closes first", day)
                    .isEqualTo(1);
        }
        assertThat(query(tEnv, "SELECT COUNT(*), COUNT(DISTINCT v) FROM days"))
                .containsExactly("+I[10000, 10000]");
    }

    /**
     * A batch environment with a Delta table {@code name (k INT, v STRING)} partitioned by k, whose
     * writer keeps at most three files open, and {@code numbers}: n = 0..9999 in order.
     */
    private TableEnvironment partitionedByKeyWithThreeOpenFiles(String name) {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("parallelism.default", "1");
        tEnv.executeSql(
                "CREATE TABLE "
                        + name
                        + " (k INT, v STRING) PARTITIONED BY (k) WITH ('connector' = 'delta',"
                        + " 'path' = '"
                        + dir.resolve(name)
                        + "', 'sink.max-open-files' = '3')");
        tEnv.executeSql(
                "CREATE TEMPORARY TABLE numbers (n INT) WITH ('connector' = 'datagen',"
                        + " 'number-of-rows' = '10000', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',"
                        + " 'fields.n.end' = '9999')");
        return tEnv;
    }

    private static long countDataFiles(Path table) throws Exception {
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(
                            p ->
                                    p.toString().endsWith(".parquet")
                                            && !p.toString().contains("_delta_log"))
                    .count();
        }
    }

    private static List<String> query(TableEnvironment tEnv, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    /** The statistics JSON of the add actions whose path is in {@code partitionDir}, unescaped. */
    private static String addStats(Path table, String partitionDir) throws Exception {
        StringBuilder all = new StringBuilder();
        Pattern add =
                Pattern.compile(
                        "\\{\"add\":\\{\"path\":\"([^\"]+)\".*?\"stats\":\"((?:[^\"\\\\]|\\\\.)*)\"");
        try (Stream<Path> logs = Files.list(table.resolve("_delta_log"))) {
            for (Path log :
                    logs.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList())) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = add.matcher(line);
                    if (m.find() && m.group(1).startsWith(partitionDir + "/")) {
                        all.append(m.group(2).replace("\\\"", "\"")).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
