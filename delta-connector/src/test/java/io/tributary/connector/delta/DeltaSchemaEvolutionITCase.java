package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in schema evolution: new nullable columns are added to the table; nothing else changes it.
 */
class DeltaSchemaEvolutionITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    private static final String EVOLVE = ", 'sink.schema-evolution' = 'true'";

    @TempDir Path dir;

    private TableEnvironment tEnv;
    private String path;
    private int declarations;

    @BeforeEach
    void createTheTable() throws Exception {
        tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("parallelism.default", "2");
        path = dir.resolve("scores").toString();
        String v1 = declare("id BIGINT, name STRING, dt DATE", "");
        tEnv.executeSql(
                        "INSERT INTO "
                                + v1
                                + " VALUES (1, 'a', DATE '2026-11-30'), (2, 'b', DATE '2026-12-01')")
                .await();
    }

    @Test
    void newNullableColumnsAreAddedAndOldRowsReadThemAsNull() throws Exception {
        long before = DeltaTableInfo.load(path, Map.of()).orElseThrow().version();
        String v2 = declare("id BIGINT, name STRING, score DOUBLE, dt DATE, note STRING", EVOLVE);
        tEnv.executeSql("INSERT INTO " + v2 + " VALUES (3, 'c', 1.5, DATE '2026-12-01', 'new')")
                .await();

        assertThat(query("SELECT * FROM " + v2 + " ORDER BY id"))
                .containsExactly(
                        "+I[1, a, null, 2026-11-30, null]",
                        "+I[2, b, null, 2026-12-01, null]",
                        "+I[3, c, 1.5, 2026-12-01, new]");
        DeltaTableInfo after = DeltaTableInfo.load(path, Map.of()).orElseThrow();
        assertThat(after.rowType().getFieldNames())
                .containsExactly("id", "name", "score", "dt", "note");
        assertThat(after.version())
                .as("one metadata commit, one data commit")
                .isEqualTo(before + 2);

        String again =
                declare("id BIGINT, name STRING, score DOUBLE, dt DATE, note STRING", EVOLVE);
        tEnv.executeSql("INSERT INTO " + again + " VALUES (4, 'd', 2.0, DATE '2026-12-01', 'x')")
                .await();
        assertThat(DeltaTableInfo.load(path, Map.of()).orElseThrow().version())
                .as("a table that fits already is not evolved again")
                .isEqualTo(before + 3);
    }

    /**
     * A TIMESTAMP (no time zone) column needs Delta's timestampNtz feature, as a table created with
     * one has.
     */
    @Test
    void addingATimestampColumnTurnsOnTheTimestampNtzFeature() throws Exception {
        String v2 = declare("id BIGINT, name STRING, dt DATE, seen TIMESTAMP(6)", EVOLVE);
        tEnv.executeSql(
                        "INSERT INTO "
                                + v2
                                + " VALUES (3, 'c', DATE '2026-12-01', TIMESTAMP '2026-12-01 10:00:00')")
                .await();
        String log;
        try (java.util.stream.Stream<java.nio.file.Path> commits =
                java.nio.file.Files.list(dir.resolve("scores/_delta_log"))) {
            log =
                    commits.filter(p -> p.toString().endsWith(".json"))
                            .map(
                                    p -> {
                                        try {
                                            return java.nio.file.Files.readString(p);
                                        } catch (java.io.IOException e) {
                                            throw new java.io.UncheckedIOException(e);
                                        }
                                    })
                            .collect(java.util.stream.Collectors.joining());
        }
        assertThat(log).contains("\"readerFeatures\":[\"timestampNtz\"]").contains("timestampNtz");
        assertThat(query("SELECT id, CAST(seen AS STRING) FROM " + v2 + " ORDER BY id"))
                .containsExactly("+I[1, null]", "+I[2, null]", "+I[3, 2026-12-01 10:00:00.000000]");
    }

    @Test
    void withoutTheOptionANewColumnFailsAndSaysWhichOptionAddsIt() {
        String v2 = declare("id BIGINT, name STRING, dt DATE, score DOUBLE", "");
        assertThat(failure("INSERT INTO " + v2 + " VALUES (3, 'c', DATE '2026-12-01', 1.5)"))
                .contains("the declaration has column(s) [score] that the table lacks")
                .contains("Set 'sink.schema-evolution' = 'true' to add them");
    }

    @Test
    void aNewNotNullColumnATypeChangeOrAMovedColumnFailsEvenWithTheOption() {
        String notNull = declare("id BIGINT, name STRING, dt DATE, level INT NOT NULL", EVOLVE);
        assertThat(failure("INSERT INTO " + notNull + " VALUES (3, 'c', DATE '2026-12-01', 1)"))
                .contains("the new column(s) [level] are NOT NULL");
        String retyped = declare("id BIGINT, name INT, dt DATE, score DOUBLE", EVOLVE);
        assertThat(failure("INSERT INTO " + retyped + " VALUES (3, 1, DATE '2026-12-01', 1.5)"))
                .contains("column 'name' is string in the table but integer in the declaration");
        String moved = declare("name STRING, id BIGINT, dt DATE, score DOUBLE", EVOLVE);
        assertThat(failure("INSERT INTO " + moved + " VALUES ('c', 3, DATE '2026-12-01', 1.5)"))
                .contains("columns differ");
        String dropped = declare("id BIGINT, dt DATE, score DOUBLE", EVOLVE);
        assertThat(failure("INSERT INTO " + dropped + " VALUES (3, DATE '2026-12-01', 1.5)"))
                .contains("columns differ");
        assertThat(DeltaTableInfo.load(path, Map.of()).orElseThrow().rowType().getFieldNames())
                .as("nothing changed the table")
                .containsExactly("id", "name", "dt");
    }

    /** Declares the table's path under a new name with these columns and extra options. */
    private String declare(String columns, String options) {
        String name = "t" + declarations++;
        tEnv.executeSql(
                "CREATE TABLE "
                        + name
                        + " ("
                        + columns
                        + ") PARTITIONED BY (dt)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + path
                        + "'"
                        + options
                        + ")");
        return name;
    }

    private String failure(String insert) {
        List<String> messages = new ArrayList<>();
        assertThatThrownBy(() -> tEnv.executeSql(insert).await())
                .satisfies(
                        e ->
                                ExceptionUtils.findThrowable(
                                        e,
                                        t -> {
                                            messages.add(String.valueOf(t.getMessage()));
                                            return false;
                                        }));
        return String.join("\n", messages);
    }

    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
