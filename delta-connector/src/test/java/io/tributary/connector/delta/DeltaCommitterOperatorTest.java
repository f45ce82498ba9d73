package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.internal.CatchUpMarkers;
import io.tributary.connector.delta.internal.DeltaCommittable;
import io.tributary.connector.delta.internal.DeltaCommitterOperator;
import io.tributary.connector.delta.internal.DeltaSinkConfig;
import io.tributary.connector.delta.internal.RowChange;
import io.tributary.connector.delta.internal.RowChange.Kind;
import io.tributary.connector.delta.internal.RowKeys;
import io.tributary.connector.delta.internal.StagedFile;
import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.TaskStateSnapshot;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committer under the orderings Flink allows: the barrier of checkpoint n + 1 can reach it
 * before the notification that checkpoint n completed, so the state of n + 1 still holds n's
 * changes, and the job can die after committing n. A restore from n + 1 must apply n's changes
 * once, not twice.
 */
class DeltaCommitterOperatorTest {
    /** Where the batch overwrites beside a harnessed stream run. */
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    private static final RowType ROW_TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("status_class", DataTypes.STRING()),
                                    DataTypes.FIELD("requests", DataTypes.BIGINT()))
                            .getLogicalType();
    private static final RowKeys ROWS = new RowKeys(ROW_TYPE, List.of());

    @TempDir Path dir;

    @Test
    void aRestoreFromAStateThatStillHoldsACommittedCheckpointAppliesItOnce() throws Exception {
        assertThat(commitOneThenRestoreFromTheNext(false))
                .containsExactly("+I[2xx, 2]", "+I[4xx, 1]");
    }

    @Test
    void aReplacingFirstCommitIsNotRepeatedByTheRestore() throws Exception {
        assertThat(commitOneThenRestoreFromTheNext(true))
                .containsExactly("+I[2xx, 2]", "+I[4xx, 1]");
    }

    /**
     * A result computed once while the input was catching up (a model learnt from a table at start)
     * waits in state; the first checkpoint after the catch-up commits it, though that checkpoint
     * brings no change of its own.
     */
    @Test
    void changesKeptUntilTheInputCaughtUpAreCommittedByTheNextCheckpointEvenWithoutNewOnes()
            throws Exception {
        String table = dir.resolve("kept").toString();
        String catchUp = dir.resolve("catch-up").toString();
        CatchUpMarkers.register(catchUp, "silver");
        DeltaSinkConfig config =
                changelogSink(table, "gold")
                        .replaceOnStart(true)
                        .replaceOnStartAfterCatchUp(catchUp)
                        .build()
                        .config();
        try (Harness run = streaming(new Harness(config))) {
            run.open();
            run.processElement(count("2xx", 3, 1), 0);
            run.snapshot(1, 1);
            run.notifyOfCompletedCheckpoint(1);
            assertThat(new java.io.File(table, "_delta_log/00000000000000000000.json"))
                    .as("kept while the input catches up")
                    .doesNotExist();

            CatchUpMarkers.caughtUp(catchUp, "silver", 2);
            run.snapshot(2, 2);
            run.notifyOfCompletedCheckpoint(2);
        }
        assertThat(rows(table)).containsExactly("+I[2xx, 3]");
    }

    /** A fresh stream whose result is empty replaces what an earlier writer left with nothing. */
    @Test
    void anEmptyResultReplacesTheTableOnceTheInputCaughtUp() throws Exception {
        String table = dir.resolve("emptied").toString();
        DeltaSinkConfig appending = changelogSink(table, "backfill").build().config();
        try (Harness backfill = streaming(new Harness(appending))) {
            backfill.open();
            backfill.processElement(count("5xx", 1, 1), 0);
            backfill.snapshot(1, 1);
            backfill.notifyOfCompletedCheckpoint(1);
        }
        assertThat(rows(table)).containsExactly("+I[5xx, 1]");
        String catchUp = dir.resolve("empty-catch-up").toString();
        CatchUpMarkers.register(catchUp, "silver");
        CatchUpMarkers.caughtUp(catchUp, "silver", 1);
        DeltaSinkConfig replacing =
                changelogSink(table, "gold")
                        .replaceOnStart(true)
                        .replaceOnStartAfterCatchUp(catchUp)
                        .build()
                        .config();
        try (Harness stream = streaming(new Harness(replacing))) {
            stream.open();
            stream.snapshot(1, 1);
            stream.notifyOfCompletedCheckpoint(1);
        }
        assertThat(rows(table)).isEmpty();
    }

    /**
     * Two jobs restored from one savepoint share its lineage: the second to commit a checkpoint
     * must stop, loudly.
     */
    @Test
    void twoJobsRestoredFromOneSavepointCannotDropEachOthersCommits() throws Exception {
        String table = dir.resolve("twins").toString();
        DeltaSinkConfig config = changelogSink(table, "gold").build().config();
        OperatorSubtaskState savepoint;
        try (Harness first = new Harness(config)) {
            first.open();
            first.processElement(count("2xx", 1, 1), 0);
            savepoint = first.snapshot(1, 1);
            first.notifyOfCompletedCheckpoint(1);
        }
        try (Harness a = new Harness(config);
                Harness b = new Harness(config)) {
            a.restore(1, savepoint);
            a.open();
            b.restore(1, savepoint);
            b.open();
            a.processElement(count("4xx", 1, 1), 0);
            a.snapshot(2, 2);
            a.notifyOfCompletedCheckpoint(2);
            b.processElement(count("5xx", 1, 1), 0);
            b.snapshot(2, 2);
            assertThatThrownBy(() -> b.notifyOfCompletedCheckpoint(2))
                    .hasStackTraceContaining("was committed by another job with the same lineage");
        }
        assertThat(rows(table)).containsExactly("+I[2xx, 1]", "+I[4xx, 1]");
    }

    /**
     * A stream's claim on its table: from its first commit, a second streaming lineage may not
     * start and an unscoped batch overwrite is refused, both naming the stream; a scoped overwrite
     * goes on beside it; once the stream ends, its claim is gone.
     */
    @Test
    void aStreamingWriterHoldsItsTableUntilItEnds() throws Exception {
        String table = dir.resolve("leased").toString();
        DeltaSinkConfig config = changelogSink(table, "gold").build().config();
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(
                "CREATE TABLE t (status_class STRING, requests BIGINT) WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        try (Harness stream = streaming(new Harness(config))) {
            stream.open();
            stream.processElement(count("2xx", 1, 1), 0);
            stream.snapshot(1, 1);
            stream.notifyOfCompletedCheckpoint(1);
            DeltaWriterLease lease = DeltaWriterLease.read(table).orElseThrow();
            assertThat(lease.isLive(java.time.Instant.now())).isTrue();

            try (Harness second = streaming(new Harness(config))) {
                assertThatThrownBy(second::open)
                        .as("another lineage, started fresh")
                        .hasStackTraceContaining("is written by streaming job")
                        .hasStackTraceContaining(lease.appId());
            }
            assertThatThrownBy(
                            () -> batch.executeSql("INSERT OVERWRITE t VALUES ('9xx', 9)").await())
                    .hasStackTraceContaining("INSERT OVERWRITE of Delta table")
                    .hasStackTraceContaining("refused")
                    .hasStackTraceContaining(lease.appId());
            batch.executeSql(
                            "INSERT OVERWRITE t /*+ OPTIONS('sink.replace-where.column' = 'status_class', "
                                    + "'sink.replace-where.values' = '1xx') */ VALUES ('1xx', 3)")
                    .await();
        }
        assertThat(DeltaWriterLease.read(table)).as("given up when the job ended").isEmpty();
        batch.executeSql("INSERT OVERWRITE t VALUES ('9xx', 9)").await();
        assertThat(rows(table)).containsExactly("+I[9xx, 9]");
    }

    /**
     * Two streams started together on one table: the first to commit has it; the other's commit
     * waits.
     */
    @Test
    void ofTwoStreamsStartedTogetherOnlyTheFirstToCommitWrites() throws Exception {
        String table = dir.resolve("contested").toString();
        DeltaSinkConfig config = changelogSink(table, "gold").build().config();
        try (Harness a = streaming(new Harness(config));
                Harness b = streaming(new Harness(config))) {
            a.open();
            b.open();
            a.processElement(count("2xx", 1, 1), 0);
            a.snapshot(1, 1);
            b.processElement(count("5xx", 1, 1), 0);
            b.snapshot(1, 1);
            a.notifyOfCompletedCheckpoint(1);
            assertThatThrownBy(() -> b.notifyOfCompletedCheckpoint(1))
                    .hasStackTraceContaining("is written by streaming job");
        }
        assertThat(rows(table)).containsExactly("+I[2xx, 1]");
    }

    /**
     * A job dies after a checkpoint took its staged file and before the commit, and stays down past
     * vacuum's retention: the file must still be there for the resume to commit.
     */
    @Test
    void vacuumKeepsTheStagedFilesOfACheckpointNotCommittedYet() throws Exception {
        String table = dir.resolve("staged").toString();
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(
                "CREATE TABLE t (status_class STRING, requests BIGINT) WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        batch.executeSql("INSERT INTO t VALUES ('1xx', 1)").await();
        java.nio.file.Path staged = dir.resolve("staged").resolve("part-00000-staged.parquet");
        java.nio.file.Files.copy(firstDataFile(dir.resolve("staged")), staged);
        java.nio.file.Files.setLastModifiedTime(
                staged,
                java.nio.file.attribute.FileTime.fromMillis(
                        System.currentTimeMillis() - java.time.Duration.ofDays(30).toMillis()));
        DeltaSinkConfig config =
                DeltaSink.builder()
                        .tablePath(table)
                        .rowType(ROW_TYPE)
                        .sinkId("appender")
                        .build()
                        .config();
        OperatorSubtaskState died;
        try (Harness stream = streaming(new Harness(config))) {
            stream.open();
            stream.processElement(
                    new StagedFile(
                            0,
                            staged.toUri().toString(),
                            java.nio.file.Files.size(staged),
                            0L,
                            1,
                            null,
                            java.util.Map.of()),
                    0);
            died = stream.snapshot(1, 1); // and no notification: the job is killed here
        }
        DeltaMaintenance.Vacuum vacuum =
                DeltaMaintenance.vacuum(
                        table, Map.of(), java.time.Duration.ofDays(7), false, false);
        assertThat(vacuum.deleted).isEmpty();
        assertThat(staged).exists();

        try (Harness resumed = streaming(new Harness(config))) {
            resumed.restore(1, died);
            resumed.open();
        }
        assertThat(rows(table))
                .as("the resume committed the staged file")
                .containsExactly("+I[1xx, 1]", "+I[1xx, 1]");
        assertThat(dir.resolve("staged/_tributary/pending")).isEmptyDirectory();
    }

    /**
     * Changes still pending in a checkpoint are raw binary rows; restored into a job whose sink
     * gained a column, they are read with the columns they were written with (D17).
     */
    @Test
    void pendingChangesRestoredAfterTheSinkGainedAColumnKeepTheirValues() throws Exception {
        String table = dir.resolve("evolving").toString();
        OperatorSubtaskState second = commitOneAndKeepTheNextPending(table);
        RowType wider =
                (RowType)
                        DataTypes.ROW(
                                        DataTypes.FIELD("status_class", DataTypes.STRING()),
                                        DataTypes.FIELD("requests", DataTypes.BIGINT()),
                                        DataTypes.FIELD("region", DataTypes.STRING()))
                                .getLogicalType();
        DeltaSinkConfig evolved =
                DeltaSink.builder()
                        .tablePath(table)
                        .rowType(wider)
                        .sinkId("gold")
                        .changelog(true)
                        .schemaEvolution(true)
                        .build()
                        .config();
        try (Harness restored = new Harness(evolved)) {
            restored.restore(2, second);
            restored.open();
        }
        assertThat(rows(table, "status_class STRING, requests BIGINT, region STRING"))
                .containsExactly("+I[2xx, 1, null]", "+I[4xx, 1, null]");
    }

    @Test
    void pendingChangesAreRefusedBySinkColumnsThatWouldDropTheirValues() throws Exception {
        String table = dir.resolve("narrowing").toString();
        OperatorSubtaskState second = commitOneAndKeepTheNextPending(table);
        RowType narrower =
                (RowType)
                        DataTypes.ROW(DataTypes.FIELD("status_class", DataTypes.STRING()))
                                .getLogicalType();
        DeltaSinkConfig dropped =
                DeltaSink.builder()
                        .tablePath(table)
                        .rowType(narrower)
                        .sinkId("gold")
                        .changelog(true)
                        .build()
                        .config();
        try (Harness restored = new Harness(dropped)) {
            assertThatThrownBy(() -> restored.restore(2, second))
                    .hasStackTraceContaining("column requests is gone");
        }
        assertThat(rows(table)).as("the committed checkpoint only").containsExactly("+I[4xx, 1]");
    }

    /** Commits checkpoint 1 (a 4xx) and returns checkpoint 2's state, which still holds a 2xx. */
    private OperatorSubtaskState commitOneAndKeepTheNextPending(String table) throws Exception {
        DeltaSinkConfig config = changelogSink(table, "gold").build().config();
        try (Harness run = new Harness(config)) {
            run.open();
            run.processElement(count("4xx", 1, 1), 0);
            run.snapshot(1, 1);
            run.notifyOfCompletedCheckpoint(1);
            run.processElement(count("2xx", 1, 1), 0);
            return run.snapshot(2, 2);
        }
    }

    private static java.nio.file.Path firstDataFile(java.nio.file.Path table) throws Exception {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(table)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static Harness streaming(Harness harness) {
        harness.getStreamConfig().setCheckpointingEnabled(true);
        return harness;
    }

    /**
     * Checkpoint 1 counts one 2xx request, checkpoint 2 a second one (a retraction and an update)
     * and a 4xx; 1 is committed after 2 was taken, then the job dies and is restored from 2.
     */
    private List<String> commitOneThenRestoreFromTheNext(boolean replaceOnStart) throws Exception {
        String table = dir.resolve(replaceOnStart ? "replacing" : "appending").toString();
        DeltaSinkConfig config =
                changelogSink(table, "gold").replaceOnStart(replaceOnStart).build().config();
        OperatorSubtaskState second;
        try (Harness run = new Harness(config)) {
            run.open();
            run.processElement(count("2xx", 1, 1), 0);
            run.snapshot(1, 1);
            run.processElement(count("2xx", 1, -1), 0);
            run.processElement(count("2xx", 2, 1), 0);
            run.processElement(count("4xx", 1, 1), 0);
            second = run.snapshot(2, 2);
            run.notifyOfCompletedCheckpoint(1);
            assertThat(rows(table)).as("checkpoint 1 committed").containsExactly("+I[2xx, 1]");
        }
        try (Harness restored = new Harness(config)) {
            restored.restore(2, second);
            restored.open();
        }
        return rows(table);
    }

    /**
     * The committer in a test harness that can restore a given checkpoint (its own restores claim
     * id 0).
     */
    private static final class Harness
            extends OneInputStreamOperatorTestHarness<DeltaCommittable, Void> {
        Harness(DeltaSinkConfig config) throws Exception {
            super(new DeltaCommitterOperator(config));
        }

        void restore(long checkpointId, OperatorSubtaskState state) throws Exception {
            setup();
            TaskStateSnapshot snapshot = new TaskStateSnapshot();
            snapshot.putSubtaskStateByOperatorID(getOperator().getOperatorID(), state);
            taskStateManager.setReportedCheckpointId(checkpointId);
            taskStateManager.setJobManagerTaskStateSnapshotsByCheckpointId(
                    Map.of(checkpointId, snapshot));
            initializeState((OperatorSubtaskState) null);
        }
    }

    /** A changelog sink without a key over {@link #ROW_TYPE}. */
    private static DeltaSink.Builder changelogSink(String table, String sinkId) {
        return DeltaSink.builder()
                .tablePath(table)
                .rowType(ROW_TYPE)
                .sinkId(sinkId)
                .changelog(true);
    }

    private static DeltaCommittable count(String statusClass, long requests, int count) {
        byte[] row = ROWS.toBytes(GenericRowData.of(StringData.fromString(statusClass), requests));
        return new RowChange(0L, Kind.COUNT, row, count);
    }

    private static List<String> rows(String table) throws Exception {
        return rows(table, "status_class STRING, requests BIGINT");
    }

    private static List<String> rows(String table, String columns) throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE t ("
                        + columns
                        + ") WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it =
                tEnv.executeSql("SELECT * FROM t ORDER BY status_class").collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
