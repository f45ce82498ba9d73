package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Compaction, vacuum and log checkpoints on a table that many small appends built. */
class DeltaMaintenanceITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final int APPENDS = 6;

    @TempDir Path dir;

    private TableEnvironment tEnv;
    private String table;

    @BeforeEach
    void appendManySmallFiles() throws Exception {
        tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("parallelism.default", "2");
        table = dir.resolve("events").toString();
        tEnv.executeSql(
                "CREATE TABLE events (id BIGINT, name STRING, dt STRING) PARTITIONED BY (dt)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        for (int i = 0; i < APPENDS; i++) {
            tEnv.executeSql(
                            "INSERT INTO events VALUES ("
                                    + (2 * i)
                                    + ", 'n"
                                    + i
                                    + "', 'a'), ("
                                    + (2 * i + 1)
                                    + ", 'm"
                                    + i
                                    + "', 'b')")
                    .await();
        }
    }

    @Test
    void optimizeRewritesSmallFilesIntoOnePerPartitionWithoutChangingARow() throws Exception {
        List<String> before = rows();
        DeltaTableInfo small = DeltaTableInfo.load(table, Map.of()).orElseThrow();
        assertThat(small.files()).isGreaterThanOrEqualTo(2L * APPENDS);

        DeltaMaintenance.Compaction result = DeltaMaintenance.optimize(table, Map.of(), 128L << 20);

        DeltaTableInfo compacted = DeltaTableInfo.load(table, Map.of()).orElseThrow();
        assertThat(compacted.files()).as("one file per partition").isEqualTo(2);
        assertThat(result.filesRemoved).isEqualTo(small.files());
        assertThat(result.filesAdded).isEqualTo(2);
        assertThat(result.version).isEqualTo(compacted.version());
        assertThat(compacted.rows()).isEqualTo(small.rows());
        assertThat(rows()).isEqualTo(before);
        String commit =
                Files.readString(
                        dir.resolve("events/_delta_log")
                                .resolve(String.format("%020d.json", result.version)));
        assertThat(commit)
                .as("a rearrangement, invisible to streaming readers")
                .contains("\"dataChange\":false")
                .doesNotContain("\"dataChange\":true");

        assertThat(DeltaMaintenance.optimize(table, Map.of(), 128L << 20).version)
                .as("nothing left to compact")
                .isEqualTo(-1);
    }

    @Test
    void vacuumDeletesOnlyFilesNoVersionWithinTheRetentionNeeds() throws Exception {
        List<String> before = rows();
        DeltaMaintenance.optimize(table, Map.of(), 128L << 20);
        long now = System.currentTimeMillis();
        Path orphan =
                Files.writeString(
                        dir.resolve("events/dt=a/part-orphan.parquet"), "left by a crashed writer");
        Path staged =
                Files.writeString(
                        dir.resolve("events/dt=b/part-staged.parquet"), "not committed yet");
        Files.setLastModifiedTime(staged, FileTime.fromMillis(now + 10 * DAY));
        Duration week = Duration.ofDays(7);

        DeltaMaintenance.Vacuum today =
                DeltaMaintenance.vacuum(table, Map.of(), week, false, false, now);
        assertThat(today.deleted)
                .as("compacted files were removed within the week; the orphan is new")
                .isEmpty();

        DeltaMaintenance.Vacuum dryRun =
                DeltaMaintenance.vacuum(table, Map.of(), week, true, false, now + 8 * DAY);
        assertThat(dryRun.deleted).hasSize(2 * APPENDS + 1);
        assertThat(Files.exists(orphan)).as("a dry run deletes nothing").isTrue();

        DeltaMaintenance.Vacuum later =
                DeltaMaintenance.vacuum(table, Map.of(), week, false, false, now + 8 * DAY);
        assertThat(later.deleted).containsExactlyInAnyOrderElementsOf(dryRun.deleted);
        assertThat(later.filesKept).as("the two live files and the staged one").isEqualTo(3);
        assertThat(Files.exists(orphan)).isFalse();
        assertThat(Files.exists(staged)).isTrue();
        assertThat(rows()).isEqualTo(before);
    }

    /**
     * Kernel escapes {@code : / = %} in partition folder names; vacuum must still know them as
     * live.
     */
    @Test
    void vacuumKeepsTheLiveFilesOfPartitionsWhoseValuesAreEscaped() throws Exception {
        String escaped = dir.resolve("escaped").toString();
        tEnv.executeSql(
                "CREATE TABLE escaped (id INT, p STRING) PARTITIONED BY (p)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + escaped
                        + "')");
        tEnv.executeSql(
                        "INSERT INTO escaped VALUES (1, 'plain'), (2, 'a:b'), (3, 'x/y'), (4, 'k=v'), (5, '100%'),"
                                + " (6, 'two words')")
                .await();
        List<Path> first = parquetFiles(dir.resolve("escaped"));
        tEnv.executeSql("INSERT OVERWRITE escaped VALUES (7, 'a:b')").await();
        Path replaced =
                first.stream()
                        .filter(f -> f.getParent().getFileName().toString().startsWith("p=a%"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no folder of a:b among " + first));
        Path orphan =
                Files.writeString(
                        replaced.resolveSibling("part-orphan.parquet"), "left by a crashed writer");

        long later = System.currentTimeMillis() + 8 * DAY;
        DeltaMaintenance.Vacuum vacuum =
                DeltaMaintenance.vacuum(escaped, Map.of(), Duration.ofDays(7), false, false, later);

        assertThat(vacuum.deleted)
                .as("the overwritten file and the orphan, nothing live")
                .map(deleted -> deleted.replaceFirst("^file:", ""))
                .containsExactlyInAnyOrder(replaced.toString(), orphan.toString());
        assertThat(vacuum.filesKept).isEqualTo(6);
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.executeSql("SELECT id, p FROM escaped ORDER BY id").collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        assertThat(rows)
                .containsExactly(
                        "+I[1, plain]",
                        "+I[3, x/y]",
                        "+I[4, k=v]",
                        "+I[5, 100%]",
                        "+I[6, two words]",
                        "+I[7, a:b]");
    }

    private static List<Path> parquetFiles(Path table) throws Exception {
        try (java.util.stream.Stream<Path> files = Files.walk(table)) {
            return files.filter(
                            f ->
                                    f.toString().endsWith(".parquet")
                                            && !f.toString().contains("_delta_log"))
                    .collect(java.util.stream.Collectors.toList());
        }
    }

    @Test
    void aShortRetentionNeedsForceAndACheckpointCoversTheLatestVersion() throws Exception {
        assertThatThrownBy(
                        () ->
                                DeltaMaintenance.vacuum(
                                        table, Map.of(), Duration.ofHours(1), false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below 24 h");

        long version = DeltaMaintenance.checkpoint(table, Map.of());
        assertThat(version).isEqualTo(DeltaTableInfo.load(table, Map.of()).orElseThrow().version());
        assertThat(
                        dir.resolve("events/_delta_log")
                                .resolve(String.format("%020d.checkpoint.parquet", version)))
                .exists();
        assertThat(DeltaMaintenance.checkpoint(table, Map.of()))
                .as("again: nothing to do")
                .isEqualTo(version);
        assertThat(rows()).hasSize(2 * APPENDS);
    }

    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.executeSql("SELECT * FROM events ORDER BY id").collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
